namespace Interception.Metrics;

/// <summary>
/// The port every metrics backend implements. Metrics are declared once with <see cref="InitializeMetric"/>;
/// the hot path binds a series once with <see cref="Bind"/> and records on it; the name-and-dictionary methods
/// are a convenience on top of binding.
/// </summary>
/// <remarks>
/// Derive from <see cref="MetricsBackend"/> to get definitions, label ordering, the series cache and the
/// cardinality cap for free. Implementations are thread-safe.
/// </remarks>
public interface IMetricsBackend
{
    /// <summary>Declares a metric. Declaring the same definition again is a no-op.</summary>
    /// <exception cref="ArgumentException">A metric of that name was declared with another type, labels or buckets.</exception>
    void InitializeMetric(MetricDefinition definition);

    /// <summary>Adds <paramref name="value"/> to a counter.</summary>
    /// <param name="name">A declared counter.</param>
    /// <param name="value">A finite amount, zero or more. Any other value is dropped and counted in
    /// <c>metrics_invalid_values_total{metric}</c>, never thrown.</param>
    /// <param name="labels">Label values by label name; a missing label is recorded as empty.</param>
    /// <exception cref="InvalidOperationException">The metric is not declared, or is not a counter.</exception>
    /// <exception cref="ArgumentException">A label name is not one of the metric's labels.</exception>
    void RecordCounter(string name, double value = 1, IReadOnlyDictionary<string, string>? labels = null);

    /// <summary>Sets a gauge to <paramref name="value"/>, any finite number (NaN and infinities are dropped and counted).</summary>
    /// <exception cref="InvalidOperationException">The metric is not declared, or is not a gauge.</exception>
    /// <exception cref="ArgumentException">A label name is not one of the metric's labels.</exception>
    void SetGauge(string name, double value, IReadOnlyDictionary<string, string>? labels = null);

    /// <summary>
    /// Observes <paramref name="value"/> in a histogram (or summary): a finite number, zero or more (any other value,
    /// a negative duration included, is dropped and counted).
    /// </summary>
    /// <exception cref="InvalidOperationException">The metric is not declared, or is not a histogram or summary.</exception>
    /// <exception cref="ArgumentException">A label name is not one of the metric's labels.</exception>
    void RecordHistogram(string name, double value, IReadOnlyDictionary<string, string>? labels = null);

    /// <summary>
    /// Binds one series of a declared metric, to record on it many times. Binding the same values again returns
    /// the same series; past the cardinality limit, new label sets fold into the metric's overflow series.
    /// </summary>
    /// <param name="name">A declared metric.</param>
    /// <param name="labelValues">One value per label name of the definition, in its order.</param>
    /// <param name="constantLabels">Extra labels for this series only (such as <see cref="MetricsTimerAttribute.Labels"/>).</param>
    /// <exception cref="InvalidOperationException">The metric is not declared.</exception>
    /// <exception cref="ArgumentException">The number of values does not match the label names, or a constant label is invalid.</exception>
    IMetricSeries Bind(string name, ReadOnlySpan<string> labelValues, IReadOnlyList<KeyValuePair<string, string>>? constantLabels = null);
}
