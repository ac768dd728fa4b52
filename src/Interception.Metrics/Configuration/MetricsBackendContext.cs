using Microsoft.Extensions.Logging;

namespace Interception.Metrics;

/// <summary>What a <see cref="MetricsBackendFactory"/> gets besides its own configuration section.</summary>
/// <param name="CardinalityLimit">Distinct label sets per metric (<c>Metrics:CardinalityLimit</c>).</param>
/// <param name="HistogramBuckets">Default histogram buckets in seconds (<c>Metrics:Histogram:Buckets</c>).</param>
/// <param name="LoggerFactory">Creates loggers for the backend's own diagnostics.</param>
/// <param name="TimeProvider">The clock.</param>
public sealed record MetricsBackendContext(
    int CardinalityLimit,
    IReadOnlyList<double> HistogramBuckets,
    ILoggerFactory LoggerFactory,
    TimeProvider TimeProvider);
