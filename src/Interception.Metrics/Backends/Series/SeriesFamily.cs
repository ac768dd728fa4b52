using System.Collections.Concurrent;

namespace Interception.Metrics.Backends.Series;

/// <summary>
/// The series of one metric in one backend: a cache from label values to bound series, capped at the
/// cardinality limit. Lookups of existing series are lock-free and allocation-free; only a new label set
/// takes the lock. Label values are normalised (<see cref="LabelText"/>) before a series is bound, so values that
/// render alike share one series.
/// </summary>
internal sealed class SeriesFamily
{
    private readonly ConcurrentDictionary<string[], IMetricSeries> _series = new(LabelValuesComparer.Instance);
    private readonly ConcurrentDictionary<string[], IMetricSeries>.AlternateLookup<ReadOnlySpan<string>> _lookup;
    private readonly Func<string[], IReadOnlyList<KeyValuePair<string, string>>, IMetricSeries> _create;
    private readonly Func<IMetricSeries> _foldedCounter;
    private readonly int _limit;
    private readonly Lock _gate = new();
    private IMetricSeries? _overflowTarget;
    private IMetricSeries? _overflow;
    private int _count;

    public SeriesFamily(
        MetricDefinition definition,
        MetricValueGuard guard,
        int limit,
        Func<string[], IReadOnlyList<KeyValuePair<string, string>>, IMetricSeries> create,
        Func<IMetricSeries> foldedCounter)
    {
        Definition = definition;
        Guard = guard;
        _limit = limit;
        _create = create;
        _foldedCounter = foldedCounter;
        _lookup = _series.GetAlternateLookup<ReadOnlySpan<string>>();
    }

    public MetricDefinition Definition { get; }

    /// <summary>The value rule of this metric in this backend.</summary>
    public MetricValueGuard Guard { get; }

    /// <summary>Distinct label sets bound so far, not counting the overflow series.</summary>
    public int Count => Volatile.Read(ref _count);

    public IMetricSeries Get(ReadOnlySpan<string> labelValues, IReadOnlyList<KeyValuePair<string, string>>? constantLabels)
    {
        var labelCount = Definition.Labels.Count;
        if (labelValues.Length != labelCount)
        {
            throw new ArgumentException(
                $"Metric '{Definition.Name}' has {labelCount} label(s) ({string.Join(", ", Definition.Labels)}) but {labelValues.Length} value(s) were given.",
                nameof(labelValues));
        }

        if (constantLabels is null || constantLabels.Count == 0)
        {
            // An existing series is found with the values as given; only values that miss (new, null, or not
            // valid UTF-16) are normalised, and then looked up again under the lock.
            return _lookup.TryGetValue(labelValues, out var existing) ? existing : Add(Normalize(labelValues), []);
        }

        ValidateConstantLabels(constantLabels);
        var key = new string[labelCount + (2 * constantLabels.Count)];
        Normalize(labelValues).CopyTo(key, 0);
        for (var i = 0; i < constantLabels.Count; i++)
        {
            key[labelCount + (2 * i)] = constantLabels[i].Key;
            key[labelCount + (2 * i) + 1] = LabelText.Normalize(constantLabels[i].Value);
        }

        return _series.TryGetValue(key, out var found) ? found : Add(key, NormalizeValues(constantLabels));
    }

    /// <summary>
    /// The series a new label set folds into once the metric reached its limit: it records into the overflow series
    /// and counts the fold. For a caller that keeps its own bounded cache of label sets and sends what no longer fits
    /// here; a metric without labels has no overflow, so its one series is returned.
    /// </summary>
    public IMetricSeries Overflow()
    {
        if (Definition.Labels.Count == 0)
        {
            return Get([], null);
        }

        lock (_gate)
        {
            return _overflow ??= new OverflowSeries(OverflowTarget(), _foldedCounter(), Guard);
        }
    }

    private IMetricSeries Add(string[] key, IReadOnlyList<KeyValuePair<string, string>> constantLabels)
    {
        lock (_gate)
        {
            if (_series.TryGetValue(key, out var existing))
            {
                return existing;
            }

            if (_count >= _limit && Definition.Labels.Count > 0)
            {
                // A label set that already is the overflow set was folded upstream (by a fan-out over this
                // backend), which counted the fold: record into the overflow series without counting it again.
                return key.Length == Definition.Labels.Count && IsOverflowSet(key)
                    ? OverflowTarget()
                    : _overflow ??= new OverflowSeries(OverflowTarget(), _foldedCounter(), Guard);
            }

            var labelValues = key.Length == Definition.Labels.Count ? key : key[..Definition.Labels.Count];
            var series = _create(labelValues, constantLabels);
            _series[key] = series;
            Volatile.Write(ref _count, _count + 1);
            return series;
        }
    }

    private IMetricSeries OverflowTarget()
    {
        if (_overflowTarget is null)
        {
            var values = Enumerable.Repeat(MetricsBackend.OverflowLabelValue, Definition.Labels.Count).ToArray();
            _overflowTarget = _series.TryGetValue(values, out var existing) ? existing : _create(values, []);
        }

        return _overflowTarget;
    }

    private static bool IsOverflowSet(string[] labelValues) =>
        Array.TrueForAll(labelValues, v => v == MetricsBackend.OverflowLabelValue);

    private void ValidateConstantLabels(IReadOnlyList<KeyValuePair<string, string>> constantLabels)
    {
        for (var i = 0; i < constantLabels.Count; i++)
        {
            var name = constantLabels[i].Key;
            Definitions.MetricNameRules.ValidateLabelName(Definition.Name, name);
            if (Definition.Labels.Contains(name) || (Definition.Type == MetricType.Histogram && name == "le"))
            {
                throw new ArgumentException(
                    $"Constant label '{name}' collides with a label of metric '{Definition.Name}'.", nameof(constantLabels));
            }

            for (var j = 0; j < i; j++)
            {
                if (constantLabels[j].Key == name)
                {
                    throw new ArgumentException(
                        $"Constant label '{name}' is given twice for metric '{Definition.Name}'.", nameof(constantLabels));
                }
            }
        }
    }

    private static IReadOnlyList<KeyValuePair<string, string>> NormalizeValues(IReadOnlyList<KeyValuePair<string, string>> constantLabels) =>
        constantLabels.Any(l => !ReferenceEquals(l.Value, LabelText.Normalize(l.Value)))
            ? constantLabels.Select(l => new KeyValuePair<string, string>(l.Key, LabelText.Normalize(l.Value))).ToArray()
            : constantLabels;

    private static string[] Normalize(ReadOnlySpan<string> labelValues)
    {
        var copy = labelValues.ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = LabelText.Normalize(copy[i]);
        }

        return copy;
    }
}
