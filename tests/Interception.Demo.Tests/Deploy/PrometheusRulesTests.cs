using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Interception.Demo.Tests.Deploy;

/// <summary><c>promtool</c> on the shipped rules: they are valid, and their unit tests pass and can fail.</summary>
public sealed class PrometheusRulesTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [PeerFact]
    public async Task CheckConfig_ShippedPrometheusYml_ValidWithItsRuleFile()
    {
        var promtool = ExternalTool.Find("promtool");

        var result = await ProcessRunner.RunAsync(promtool, ["check", "config", DeployFiles.PrometheusConfig], null, Timeout);

        output.WriteLine(result.ToString());
        Assert.True(result.ExitCode == 0, $"promtool check config failed: {result}");
        Assert.Contains("SUCCESS: 1 rule files found", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"SUCCESS: {RuleNames().Count} rules found", result.StandardOutput, StringComparison.Ordinal);
    }

    [PeerFact]
    public async Task CheckRules_ShippedRules_Valid()
    {
        var promtool = ExternalTool.Find("promtool");

        var result = await ProcessRunner.RunAsync(promtool, ["check", "rules", DeployFiles.Rules], null, Timeout);

        output.WriteLine(result.ToString());
        Assert.True(result.ExitCode == 0, $"promtool check rules failed: {result}");
        Assert.Contains($"SUCCESS: {RuleNames().Count} rules found", result.StandardOutput, StringComparison.Ordinal);
    }

    [PeerFact]
    public async Task TestRules_ShippedRuleTests_AllPass()
    {
        var promtool = ExternalTool.Find("promtool");

        var result = await ProcessRunner.RunAsync(promtool, ["test", "rules", DeployFiles.RuleTests], null, Timeout);

        output.WriteLine(result.ToString());
        Assert.True(result.ExitCode == 0, $"promtool test rules failed: {result}");
        Assert.Contains("SUCCESS", result.StandardOutput, StringComparison.Ordinal);
    }

    [PeerFact]
    public async Task TestRules_ErrorRatioThresholdRaised_FailsNamingTheAlert()
    {
        // Guards the test above: the rule tests must pin the thresholds, not merely load the rules.
        var promtool = ExternalTool.Find("promtool");

        var directory = Directory.CreateTempSubdirectory("interception-rules-").FullName;
        try
        {
            var rules = File.ReadAllText(DeployFiles.Rules);
            const string threshold = "job_function:function_calls_errors_per_calls:ratio_rate5m > 0.05";
            Assert.Contains(threshold, rules, StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(directory, "rules.yml"), rules.Replace(threshold, threshold.Replace("0.05", "0.5", StringComparison.Ordinal), StringComparison.Ordinal));
            File.Copy(DeployFiles.RuleTests, Path.Combine(directory, "rules.test.yml"));

            var result = await ProcessRunner.RunAsync(promtool, ["test", "rules", Path.Combine(directory, "rules.test.yml")], null, Timeout);

            output.WriteLine(result.ToString());
            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("alertname: FunctionErrorRatioHigh", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void RuleTests_EveryAlert_HasAFiringAndASilentCase()
    {
        var alerts = AlertNames();
        var tests = File.ReadAllText(DeployFiles.RuleTests);
        var firing = Cases(tests, @"alertname:\s*(\w+)\s*\n\s*exp_alerts:\s*\n\s*- exp_labels:");
        var silent = Cases(tests, @"alertname:\s*(\w+)\s*\n\s*exp_alerts:\s*\[\]");

        Assert.NotEmpty(alerts);
        Assert.Empty(alerts.Except(firing));
        Assert.Empty(alerts.Except(silent));
        Assert.Empty(firing.Union(silent).Except(alerts));
    }

    internal static IReadOnlyList<string> RuleNames() => Names(@"^\s*- (?:record|alert):\s*(\S+)\s*$");

    private static IReadOnlyList<string> AlertNames() => Names(@"^\s*- alert:\s*(\S+)\s*$");

    private static IReadOnlyList<string> Names(string pattern) =>
        Regex.Matches(File.ReadAllText(DeployFiles.Rules), pattern, RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
            .Select(match => match.Groups[1].Value)
            .ToArray();

    private static HashSet<string> Cases(string tests, string pattern) =>
        Regex.Matches(tests, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
            .Select(match => match.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);
}
