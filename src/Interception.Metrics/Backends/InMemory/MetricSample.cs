namespace Interception.Metrics;

/// <summary>A snapshot of one series of the <see cref="InMemoryMetricsBackend"/>.</summary>
/// <param name="Labels">All labels of the series, constant labels included.</param>
/// <param name="Value">A counter's total or a gauge's value; for a histogram, the sum of observations.</param>
/// <param name="Count">Observations of a histogram (0 for counters and gauges).</param>
/// <param name="Sum">Sum of a histogram's observations.</param>
/// <param name="Min">Smallest observation of a histogram (0 when none).</param>
/// <param name="Max">Largest observation of a histogram (0 when none).</param>
public sealed record MetricSample(
    IReadOnlyDictionary<string, string> Labels,
    double Value,
    long Count,
    double Sum,
    double Min,
    double Max);
