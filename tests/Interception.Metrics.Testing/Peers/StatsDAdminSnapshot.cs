using System.Globalization;
using System.Text.RegularExpressions;

namespace Interception.Metrics.Testing;

/// <summary>
/// Parses what the statsd admin interface prints for <c>counters</c>, <c>gauges</c> and <c>timers</c>: a node
/// <c>util.inspect</c> dump such as <c>{ 'a;k=v': 3, b: [ 1, 2, ... 98 more items ] }</c>.
/// </summary>
public static partial class StatsDAdminSnapshot
{
    /// <summary>Counter or gauge values by key.</summary>
    public static Dictionary<string, double> Values(string dump) =>
        Entries(dump).ToDictionary(e => e.Key, e => double.Parse(e.Value, CultureInfo.InvariantCulture), StringComparer.Ordinal);

    /// <summary>How many timings each timer key holds (node prints the first 100 and "... N more items").</summary>
    public static Dictionary<string, int> TimerCounts(string dump) =>
        Entries(dump).ToDictionary(e => e.Key, e => CountTimings(e.Value), StringComparer.Ordinal);

    /// <summary>The timings listed for a timer (at most the first 100).</summary>
    public static double[] Timings(string dump, string key) =>
        Number().Matches(MoreItems().Replace(Entries(dump).Single(e => e.Key == key).Value, string.Empty))
            .Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture))
            .ToArray();

    private static int CountTimings(string array)
    {
        var more = MoreItems().Match(array);
        var hidden = more.Success ? int.Parse(more.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return Number().Matches(MoreItems().Replace(array, string.Empty)).Count + hidden;
    }

    private static IEnumerable<KeyValuePair<string, string>> Entries(string dump)
    {
        var body = dump[..Math.Max(0, dump.LastIndexOf("END", StringComparison.Ordinal))];
        foreach (Match match in Entry().Matches(body))
        {
            var key = match.Groups["q"].Success ? match.Groups["q"].Value : match.Groups["id"].Value;
            yield return new(key, match.Groups["v"].Value.Trim());
        }
    }

    [GeneratedRegex(@"(?:'(?<q>[^']*)'|(?<id>[A-Za-z_$][\w$]*))\s*:\s*(?<v>\[[^\]]*\]|[-+0-9.eE]+|NaN|Infinity)")]
    private static partial Regex Entry();

    [GeneratedRegex(@"\.\.\. (\d+) more items?")]
    private static partial Regex MoreItems();

    [GeneratedRegex(@"-?\d+(\.\d+)?([eE][-+]?\d+)?")]
    private static partial Regex Number();
}
