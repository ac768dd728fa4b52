using System.Collections.Concurrent;
using Interception.Metrics.Backends.Series;
using Interception.Metrics.Backends.Values;
using Interception.Metrics.Collection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Interception.Metrics;

/// <summary>
/// Base class for backends: keeps the declared metrics, orders dictionary labels, caches bound series and
/// enforces the cardinality limit. A derived backend only creates metrics and series.
/// </summary>
/// <remarks>
/// <para>
/// Past <see cref="CardinalityLimit"/> distinct label sets of one metric, further label sets fold into a
/// single overflow series whose label values are all <see cref="OverflowLabelValue"/>; every folded recording
/// is counted in <c>metrics_cardinality_overflow_total{metric}</c>. Totals stay exact and memory stays bounded.
/// </para>
/// <para>
/// Label values that are not valid UTF-16 (lone surrogates) are bound as U+FFFD. A counter increment or an
/// observation that is negative, NaN or infinite, and a gauge value that is not finite, is dropped and counted in
/// <c>metrics_invalid_values_total{metric}</c> (see <see cref="MetricValueGuard"/>): the name-based methods apply
/// that rule here, and a backend's series apply it with the guard of <see cref="ValueGuard"/>.
/// </para>
/// </remarks>
public abstract class MetricsBackend : IMetricsBackend
{
    /// <summary>The default number of distinct label sets per metric.</summary>
    public const int DefaultCardinalityLimit = 2000;

    /// <summary>The label value of every label of an overflow series.</summary>
    public const string OverflowLabelValue = "__overflow__";

    /// <summary>The self-metric that counts recordings folded into an overflow series, by <c>metric</c>.</summary>
    public const string OverflowMetricName = "metrics_cardinality_overflow_total";

    /// <summary>The self-metric that counts values dropped because their metric cannot record them, by <c>metric</c>.</summary>
    public const string InvalidValuesMetricName = "metrics_invalid_values_total";

    internal static readonly MetricDefinition OverflowDefinition = new(
        OverflowMetricName,
        MetricType.Counter,
        "Recordings folded into a metric's overflow series because it reached the cardinality limit.",
        ["metric"]);

    private static readonly TimeSpan InvalidValueLogInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, SeriesFamily> _families = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MetricValueGuard> _guards = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<IMetricSeries, InProgressGauge> _inProgress = new(ReferenceEqualityComparer.Instance);
    private readonly Lock _initializeGate = new();
    private readonly InvalidValueReporter _invalidValues;

    /// <summary>Creates the backend.</summary>
    /// <param name="cardinalityLimit">Distinct label sets per metric before folding; at least 1.</param>
    /// <param name="logger">Receives the invalid values this backend drops, at most one message a minute.</param>
    /// <param name="timeProvider">Clock of that rate limit; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cardinalityLimit"/> is less than 1.</exception>
    protected MetricsBackend(int cardinalityLimit = DefaultCardinalityLimit, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cardinalityLimit, 1);
        CardinalityLimit = cardinalityLimit;
        _invalidValues = new InvalidValueReporter(
            this, logger ?? NullLogger.Instance, timeProvider ?? TimeProvider.System, InvalidValueLogInterval);
    }

    /// <summary>Distinct label sets per metric before new ones fold into the overflow series.</summary>
    public int CardinalityLimit { get; }

    /// <summary>
    /// How many values this backend dropped because their metric cannot record them (each is also counted in
    /// <c>metrics_invalid_values_total{metric}</c>).
    /// </summary>
    public long InvalidValueCount => _invalidValues.Count;

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
            // The overflow and invalid-value counters have one series per metric: bounded by the declarations, and
            // capping them would make them fold into themselves (and count their own folds) without end.
            _families[definition.Name] = new SeriesFamily(
                definition,
                ValueGuard(definition),
                definition.Name is OverflowMetricName or InvalidValuesMetricName ? int.MaxValue : CardinalityLimit,
                (values, constants) => CreateSeries(definition, values, constants),
                () => FoldedCounter(definition.Name));
        }
    }

    /// <inheritdoc />
    public IMetricSeries Bind(string name, ReadOnlySpan<string> labelValues, IReadOnlyList<KeyValuePair<string, string>>? constantLabels = null) =>
        Family(name).Get(labelValues, constantLabels);

    /// <summary>
    /// The exact count behind an in-progress gauge series: one per bound series, so that every writer of the same
    /// series (two implementations with one operation name, the request middleware and an <c>Http</c> method, label
    /// sets folded into the overflow series) counts into one total rather than overwriting each other's.
    /// </summary>
    /// <param name="series">A gauge series bound from this backend.</param>
    internal InProgressGauge InProgressOf(IMetricSeries series) =>
        _inProgress.GetOrAdd(series, static s => new InProgressGauge(s));

    /// <summary>
    /// The series of <paramref name="name"/> that new label sets fold into past the cardinality limit: recording on it
    /// records into the metric's <see cref="OverflowLabelValue"/> series and counts the fold.
    /// </summary>
    /// <exception cref="InvalidOperationException">The metric is not declared.</exception>
    internal IMetricSeries BindOverflow(string name) => Family(name).Overflow();

    /// <inheritdoc />
    public void RecordCounter(string name, double value = 1, IReadOnlyDictionary<string, string>? labels = null) =>
        RecordByName(name, value, labels, MetricType.Counter);

    /// <inheritdoc />
    public void SetGauge(string name, double value, IReadOnlyDictionary<string, string>? labels = null) =>
        RecordByName(name, value, labels, MetricType.Gauge);

    /// <inheritdoc />
    public void RecordHistogram(string name, double value, IReadOnlyDictionary<string, string>? labels = null) =>
        RecordByName(name, value, labels, MetricType.Histogram, MetricType.Summary);

    /// <summary>How many distinct label sets <paramref name="name"/> has bound, not counting its overflow series.</summary>
    /// <exception cref="InvalidOperationException">The metric is not declared.</exception>
    public int GetSeriesCount(string name) => Family(name).Count;

    /// <summary>
    /// The value rule of <paramref name="definition"/> in this backend, for the series <see cref="CreateSeries"/>
    /// returns: call <see cref="MetricValueGuard.Accept"/> before recording, and record nothing when it returns
    /// <see langword="false"/> (the value was counted and logged).
    /// </summary>
    /// <example>
    /// <code>
    /// public void Record(double value)
    /// {
    ///     if (_guard.Accept(value))
    ///     {
    ///         _child.Add(value);
    ///     }
    /// }
    /// </code>
    /// </example>
    protected MetricValueGuard ValueGuard(MetricDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return _guards.GetOrAdd(
            definition.Name,
            static (_, state) => new MetricValueGuard(state.Definition, state.Reporter),
            (Definition: definition, Reporter: _invalidValues));
    }

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

    private void RecordByName(string name, double value, IReadOnlyDictionary<string, string>? labels, MetricType type, MetricType? alternative = null)
    {
        var family = Family(name);
        var values = LabelValuesOf(family, labels, type, alternative);
        if (family.Guard.Accept(value))
        {
            family.Get(values, null).Record(value);
        }
    }

    private static string[] LabelValuesOf(SeriesFamily family, IReadOnlyDictionary<string, string>? labels, MetricType type, MetricType? alternative)
    {
        var definition = family.Definition;
        var name = definition.Name;
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

        return values;
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
