using System.Globalization;

namespace Interception.Metrics.Prometheus.Tests.TestSupport;

/// <summary>One sample the workload must produce: metric (or _count/_sum/_bucket) name, all labels, value.</summary>
internal sealed record ExpectedSample(string Metric, IReadOnlyDictionary<string, string> Labels, double Value)
{
    /// <summary>The sample as a line of the text exposition format.</summary>
    public override string ToString() =>
        (Labels.Count == 0 ? Metric : $"{Metric}{{{string.Join(",", Labels.Select(l => $"{l.Key}={Quote(l.Value)}"))}}}")
        + " " + Value.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
