using Interception.Metrics.Definitions;

namespace Interception.Metrics;

/// <summary>
/// Declares a metric: its name, type, help text, label names and, for histograms, bucket upper bounds.
/// Validated against the Prometheus data model when constructed.
/// </summary>
/// <param name="Name">Metric name, <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>.</param>
/// <param name="Type">The metric type.</param>
/// <param name="Description">Help text.</param>
/// <param name="LabelNames">Label names, <c>[a-zA-Z_][a-zA-Z0-9_]*</c>, not starting with <c>__</c>, no duplicates.</param>
/// <param name="Buckets">Histogram bucket upper bounds in seconds, finite and strictly increasing; <see langword="null"/> for the backend's default.</param>
/// <exception cref="ArgumentException">A name, label name or bucket list breaks the rules; the message names the bad value.</exception>
public sealed record MetricDefinition(
    string Name,
    MetricType Type,
    string Description,
    IReadOnlyList<string>? LabelNames = null,
    IReadOnlyList<double>? Buckets = null)
{
    /// <summary>Metric name.</summary>
    public string Name { get; init; } = MetricNameRules.ValidateMetricName(Name);

    /// <summary>Help text.</summary>
    public string Description { get; init; } = Description ?? throw new ArgumentNullException(nameof(Description));

    /// <summary>Label names, in the order label values are given to <see cref="IMetricsBackend.Bind"/>. Never <see langword="null"/>.</summary>
    public IReadOnlyList<string>? LabelNames { get; init; } = MetricNameRules.ValidateLabelNames(Name, Type, LabelNames);

    /// <summary>Histogram bucket upper bounds, or <see langword="null"/> for the backend's default.</summary>
    public IReadOnlyList<double>? Buckets { get; init; } = MetricNameRules.ValidateBuckets(Name, Buckets);

    /// <summary>The label names, never <see langword="null"/>.</summary>
    internal IReadOnlyList<string> Labels => LabelNames ?? [];

    /// <summary>Whether <paramref name="other"/> declares the same metric (same name, type, labels and buckets).</summary>
    internal bool IsCompatibleWith(MetricDefinition other) =>
        Name == other.Name
        && Type == other.Type
        && Labels.SequenceEqual(other.Labels)
        && (Buckets ?? []).SequenceEqual(other.Buckets ?? []);
}
