using System.Text.RegularExpressions;
using Interception.Metrics.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Interception.Metrics.Generators.Tests.Diagnostics;

public class DescriptorsTests
{
    private static readonly DiagnosticAnalyzer[] Analyzers = [new TimerPlacementAnalyzer(), new TimerArgumentsAnalyzer(), new ArgumentLabelAnalyzer()];

    private static IEnumerable<DiagnosticDescriptor> All =>
        Analyzers.SelectMany(a => a.SupportedDiagnostics).DistinctBy(d => d.Id).OrderBy(d => d.Id, StringComparer.Ordinal);

    [Fact]
    public void Ids_AreIntm001UpwardWithoutGaps()
    {
        var ids = All.Select(d => d.Id).ToArray();

        Assert.Equal(Enumerable.Range(1, ids.Length).Select(i => $"INTM{i:000}"), ids);
    }

    [Fact]
    public void HelpLinks_EachPointsAtAHeadingOfTheReadme()
    {
        var readme = File.ReadAllText(FindReadme());
        var headings = Regex.Matches(readme, "^#### (INTM[0-9]{3})$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();

        Assert.All(All, d =>
        {
            Assert.Contains(d.Id, headings);
            Assert.EndsWith($"/README.md#{d.Id.ToLowerInvariant()}", d.HelpLinkUri, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Severities_AreWarningsExceptTheAccessorNote()
    {
        Assert.All(All, d => Assert.Equal(
            d.Id == DiagnosticIds.TimedAccessor ? DiagnosticSeverity.Info : DiagnosticSeverity.Warning,
            d.DefaultSeverity));
    }

    [Fact]
    public void ReleaseTracking_ListsEachIdWithItsCategoryAndSeverity()
    {
        var unshipped = File.ReadAllLines(Path.Combine(
            Path.GetDirectoryName(FindReadme())!, "src", "Interception.Metrics.Generators", "Diagnostics", "AnalyzerReleases.Unshipped.md"));

        Assert.All(All, d => Assert.Contains(unshipped, l => l.StartsWith($"{d.Id} | {d.Category} | {d.DefaultSeverity} |", StringComparison.Ordinal)));
    }

    private static string FindReadme()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "README.md");
            if (File.Exists(candidate) && File.Exists(Path.Combine(directory.FullName, "Interception.sln")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("README.md of the repository was not found above the test's directory.");
    }
}
