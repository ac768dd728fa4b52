using System.Text.RegularExpressions;

namespace Interception.Metrics.Reliability.Tests.TestSupport;

/// <summary>One exemplar of an OpenMetrics exposition: the sample line it is on and its trace and span ids.</summary>
internal sealed partial record OpenMetricsExemplar(string Metric, string Labels, string TraceId, string SpanId)
{
    /// <summary>Every exemplar in <paramref name="exposition"/>.</summary>
    public static IReadOnlyList<OpenMetricsExemplar> Parse(string exposition) =>
        [.. Line().Matches(exposition).Select(m => new OpenMetricsExemplar(m.Groups["metric"].Value, m.Groups["labels"].Value, m.Groups["trace"].Value, m.Groups["span"].Value))];

    /// <summary>Whether the sample's labels include <c>name="value"</c>.</summary>
    public bool HasLabel(string name, string value) => Labels.Contains($"{name}=\"{value}\"", StringComparison.Ordinal);

    [GeneratedRegex("""^(?<metric>[a-zA-Z_:][a-zA-Z0-9_:]*)\{(?<labels>[^}]*)\} \S+ # \{trace_id="(?<trace>[0-9a-f]{32})",span_id="(?<span>[0-9a-f]{16})"\} \S+""", RegexOptions.Multiline)]
    private static partial Regex Line();
}
