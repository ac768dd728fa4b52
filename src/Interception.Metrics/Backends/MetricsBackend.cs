using System.Collections.Concurrent;
using Interception.Metrics.Backends.Series;

namespace Interception.Metrics;

/// <summary>
/// Base class for backends: keeps the declared metrics, orders dictionary labels, caches bound series and
/// enforces the cardinality limit. A derived backend only creates metrics and series.
/// </summary>
/// <remarks>
/// Past <see cref="CardinalityLimit"/> distinct label sets of one metric, further label sets fold into a
/// single overflow series whose label values are all <see cref="OverflowLabelValue"/>; every folded recording
/// is counted in <c>metrics_cardinality_overflow_total{metric}</c>. Totals stay exact and memory stays bounded.
/// </remarks>
public abstract class MetricsBackend : IMetricsBackend
{
    /// <summary>The default number of distinct label sets per metric.</summary>
    public const int DefaultCardinalityLimit = 2000;

    /// <summary>The label value of every label of an overflow series.</summary>
    public const string OverflowLabelValue = "__overflow__";

    /// <summary>The self-metric that counts recordings folded into an overflow series, by <c>metric</c>.</summary>
    public const string OverflowMetricName = "metrics_cardinality_overflow_total";

    private static readonly MetricDefinition OverflowDefinition = new(
        OverflowMetricName,
        MetricType.Counter,
        "Recordings folded into a metric's overflow series because it reached the cardinality limit.",
        ["metric"]);

    private readonly ConcurrentDictionary<string, SeriesFamily> _families = new(StringComparer.Ordinal);
    private readonly Lock _initializeGate = new();

    /// <summary>Creates the backend.</summary>
    /// <param name="cardinalityLimit">Distinct label sets per metric before folding; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cardinalityLimit"/> is less than 1.</exception>
    protected MetricsBackend(int cardinalityLimit = DefaultCardinalityLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cardinalityLimit, 1);
        CardinalityLimit = cardinalityLimit;
    }

    /// <summary>Distinct label sets per metric before new ones fold into the overflow series.</summary>
    public int CardinalityLimit { get; }

    /// <summary>The metrics declared so far.</summary>
    public IReadOnlyCollection<MetricDefinition> Definitions => _families.Values.Select(f => f.Definition).ToArray();

    /// <inheritdoc />
    public void InitializeMetric(MetricDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (_families.TryGetValue(definition.Name, out var existing))
        {
            EnsureCompatible(existing.Definition, definition);
            return;
        }

        lock (_initializeGate)
        {
            if (_families.TryGetValue(definition.Name, out existing))
            {
                EnsureCompatible(existing.Definition, definition);
                return;
            }

            InitializeCore(definition);
            // The overflow counter has one series per metric that overflows: bounded by the declarations, and
            // capping it would make it fold into itself (and count its own folds) without end.
            _families[definition.Name] = new SeriesFamily(
                definition,
                definition.Name == OverflowMetricName ? int.MaxValue : CardinalityLimit,
                (values, constants) => CreateSeries(definition, values, constants),
                () => FoldedCounter(definition.Name));
        }
    }

    /// <inheritdoc />
    public IMetricSeries Bind(string name, ReadOnlySpan<string> labelValues, IReadOnlyList<KeyValuePair<string, string>>? constantLabels = null) =>
        Family(name).Get(labelValues, constantLabels);

    /// <inheritdoc />
    public void RecordCounter(string name, double value = 1, IReadOnlyDictionary<string, string>? labels = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        BindByName(name, labels, MetricType.Counter).Record(value);
    }

    /// <inheritdoc />
    public void SetGauge(string name, double value, IReadOnlyDictionary<string, string>? labels = null) =>
        BindByName(name, labels, MetricType.Gauge).Record(value);

    /// <inheritdoc />
    public void RecordHistogram(string name, double value, IReadOnlyDictionary<string, string>? labels = null) =>
        BindByName(name, labels, MetricType.Histogram, MetricType.Summary).Record(value);

    /// <summary>How many distinct label sets <paramref name="name"/> has bound, not counting its overflow series.</summary>
    /// <exception cref="InvalidOperationException">The metric is not declared.</exception>
    public int GetSeriesCount(string name) => Family(name).Count;

    /// <summary>Creates the backend's own metric for <paramref name="definition"/>. Called once per metric, under a lock.</summary>
    protected abstract void InitializeCore(MetricDefinition definition);

    /// <summary>Creates one series. Called once per distinct label set, under the metric's lock.</summary>
    /// <param name="definition">The declared metric.</param>
    /// <param name="labelValues">One value per label of <paramref name="definition"/>, never <see langword="null"/>.</param>
    /// <param name="constantLabels">Extra labels of this series (validated; empty when none).</param>
    protected abstract IMetricSeries CreateSeries(
        MetricDefinition definition,
        IReadOnlyList<string> labelValues,
        IReadOnlyList<KeyValuePair<string, string>> constantLabels);

    private SeriesFamily Family(string name) =>
        _families.TryGetValue(name, out var family)
            ? family
            : throw new InvalidOperationException($"Metric '{name}' is not initialized: call InitializeMetric with its definition first.");

    private IMetricSeries BindByName(string name, IReadOnlyDictionary<string, string>? labels, MetricType type, MetricType? alternative = null)
    {
        var family = Family(name);
        var definition = family.Definition;
        if (definition.Type != type && definition.Type != alternative)
        {
            throw new InvalidOperationException($"Metric '{name}' is a {definition.Type}, not a {type}.");
        }

        var names = definition.Labels;
        var values = new string[names.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = labels is not null && labels.TryGetValue(names[i], out var value) ? value : string.Empty;
        }

        if (labels is not null)
        {
            foreach (var key in labels.Keys)
            {
                if (!names.Contains(key))
                {
                    throw new ArgumentException(
                        $"Metric '{name}' has no label '{key}'; its labels are: {(names.Count == 0 ? "(none)" : string.Join(", ", names))}.",
                        nameof(labels));
                }
            }
        }

        return family.Get(values, null);
    }

    private IMetricSeries FoldedCounter(string metricName)
    {
        InitializeMetric(OverflowDefinition);
        return Bind(OverflowMetricName, [metricName]);
    }

    private static void EnsureCompatible(MetricDefinition existing, MetricDefinition requested)
    {
        if (!existing.IsCompatibleWith(requested))
        {
            throw new ArgumentException(
                $"Metric '{requested.Name}' is already declared as a {existing.Type} with labels [{string.Join(", ", existing.Labels)}]; it cannot be declared again as a {requested.Type} with labels [{string.Join(", ", requested.Labels)}].",
                nameof(requested));
        }
    }
}
