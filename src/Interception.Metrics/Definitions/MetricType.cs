namespace Interception.Metrics;

/// <summary>The Prometheus data model's metric types.</summary>
public enum MetricType
{
    /// <summary>A value that only goes up; recording adds to it.</summary>
    Counter,

    /// <summary>A value that goes up and down; recording sets it.</summary>
    Gauge,

    /// <summary>Observations counted into buckets, with their sum and count.</summary>
    Histogram,

    /// <summary>Observations summarized as count and sum (backends may add quantiles).</summary>
    Summary,
}
