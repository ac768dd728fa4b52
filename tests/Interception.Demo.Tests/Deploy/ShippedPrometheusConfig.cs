using System.Text.RegularExpressions;

namespace Interception.Demo.Tests.Deploy;

/// <summary>
/// The shipped <c>prometheus.yml</c>, made runnable against a test target: the demo's address and the scrape and
/// evaluation intervals are replaced, and nothing else. Each replacement must find its text exactly once, so a
/// change to the file fails here instead of silently testing something else.
/// </summary>
internal static class ShippedPrometheusConfig
{
    /// <summary>The address the shipped file scrapes: the demo's default.</summary>
    public const string DemoTarget = "127.0.0.1:8080";

    /// <summary>The shipped configuration scraping <paramref name="target"/> (host:port) and evaluating rules every <paramref name="interval"/> (e.g. "1s").</summary>
    public static string ForTarget(string target, string interval)
    {
        var text = File.ReadAllText(DeployFiles.PrometheusConfig);
        text = ReplaceOnce(text, $"\"{DemoTarget}\"", $"\"{target}\"");
        foreach (var key in (string[])["scrape_interval", "scrape_timeout", "evaluation_interval"])
        {
            var setting = new Regex($@"^(\s*{key}:\s*)\S+\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            var matches = setting.Matches(text).Count;
            if (matches != 1)
            {
                throw new InvalidOperationException($"{DeployFiles.PrometheusConfig} has {matches} '{key}' settings; expected exactly one.");
            }

            text = setting.Replace(text, match => match.Groups[1].Value + interval);
        }

        return text;
    }

    private static string ReplaceOnce(string text, string oldValue, string newValue)
    {
        var first = text.IndexOf(oldValue, StringComparison.Ordinal);
        if (first < 0 || text.IndexOf(oldValue, first + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"{DeployFiles.PrometheusConfig} must name {oldValue} exactly once.");
        }

        return text.Replace(oldValue, newValue, StringComparison.Ordinal);
    }
}
