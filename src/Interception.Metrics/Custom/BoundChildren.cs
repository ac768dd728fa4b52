using System.Collections.Concurrent;
using Interception.Metrics.Backends.Series;

namespace Interception.Metrics.Custom;

/// <summary>
/// The bound children of one custom metric, by label values: a child is created once per series of the fan-out
/// and found again with no allocation (a span lookup, as <see cref="SeriesFamily"/> does), so
/// <c>WithLabels("eu", "card")</c> in a hot path costs one hash lookup.
/// </summary>
/// <remarks>
/// Two label sets that the fan-out binds to one series (values that normalise alike, or label sets folded into the
/// overflow series past the cardinality limit) share one child: a gauge child keeps the series' value, so there
/// must be exactly one per series. At most twice the cardinality limit label sets are cached; past that, a new
/// label set is bound again on each call (the fan-out folds it anyway), so memory stays bounded.
/// </remarks>
/// <typeparam name="TChild">The bound child type.</typeparam>
internal sealed class BoundChildren<TChild>
    where TChild : class
{
    private readonly ConcurrentDictionary<string[], TChild> _byValues = new(LabelValuesComparer.Instance);
    private readonly ConcurrentDictionary<string[], TChild>.AlternateLookup<ReadOnlySpan<string>> _lookup;
    private readonly Dictionary<IMetricSeries, TChild> _bySeries = new(ReferenceEqualityComparer.Instance);
    private readonly MultiMetricsBackend _backend;
    private readonly MetricDefinition _definition;
    private readonly Func<IMetricSeries, TChild> _create;
    private readonly int _cacheLimit;
    private readonly Lock _gate = new();
    private readonly TChild? _unlabelled;

    public BoundChildren(MultiMetricsBackend backend, MetricDefinition definition, Func<IMetricSeries, TChild> create)
    {
        _backend = backend;
        _definition = definition;
        _create = create;
        _cacheLimit = backend.CardinalityLimit > int.MaxValue / 2 ? int.MaxValue : 2 * backend.CardinalityLimit;
        _lookup = _byValues.GetAlternateLookup<ReadOnlySpan<string>>();

        // A metric without labels has its one child bound now, so that it is exposed (a counter at 0, a histogram with
        // a count of 0) before the first recording.
        _unlabelled = definition.Labels.Count == 0 ? Get([]) : null;
    }

    /// <summary>The one child of a metric without labels.</summary>
    /// <exception cref="InvalidOperationException">The metric has labels.</exception>
    public TChild Unlabelled => _unlabelled ?? throw CustomMetricErrors.HasLabels(_definition);

    /// <inheritdoc cref="Get(ReadOnlySpan{string})"/>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is <see langword="null"/>.</exception>
    public TChild Get(string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Get(values.AsSpan());
    }

    /// <summary>The child of <paramref name="values"/>, one per label of the metric, in declaration order.</summary>
    /// <exception cref="ArgumentException">The number of values is not the number of labels.</exception>
    public TChild Get(ReadOnlySpan<string> values)
    {
        if (values.Length != _definition.Labels.Count)
        {
            throw WrongValueCount(values.Length);
        }

        return _lookup.TryGetValue(values, out var child) ? child : Add(values);
    }

    private TChild Add(ReadOnlySpan<string> values)
    {
        lock (_gate)
        {
            if (_lookup.TryGetValue(values, out var child))
            {
                return child;
            }

            var series = _backend.Bind(_definition.Name, values);
            if (!_bySeries.TryGetValue(series, out child))
            {
                child = _create(series);
                _bySeries.Add(series, child);
            }

            if (_byValues.Count < _cacheLimit)
            {
                _byValues.TryAdd(values.ToArray(), child);
            }

            return child;
        }
    }

    private ArgumentException WrongValueCount(int given)
    {
        var labels = _definition.Labels;
        return new ArgumentException(
            $"Metric '{_definition.Name}' has {labels.Count} label(s) [{string.Join(", ", labels)}] but {given} value(s) were given to WithLabels.",
            "values");
    }
}
