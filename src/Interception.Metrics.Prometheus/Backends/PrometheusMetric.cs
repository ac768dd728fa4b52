using Prometheus;

namespace Interception.Metrics.Prometheus;

/// <summary>
/// The prometheus-net collectors of one declared metric: one for the definition's labels, created when the metric
/// is declared, and one more for each distinct set of constant label names, created on first use.
/// </summary>
/// <remarks>
/// prometheus-net fixes the label names of a collector, but its registry keeps several collectors of one name
/// (a collector family) when their label names differ, and writes them as one family: a single HELP and TYPE
/// followed by every series. That is a valid exposition, so a series with constant labels lives in a sibling
/// collector whose label names are the definition's followed by the constant label names, sorted ordinally so
/// that the same set in another order maps to the same collector and the same series.
/// Not thread-safe on its own: <see cref="MetricsBackend"/> calls <see cref="CreateSeries"/> under the metric's lock.
/// </remarks>
internal sealed class PrometheusMetric
{
    private readonly MetricDefinition _definition;
    private readonly MetricValueGuard _guard;
    private readonly string _help;
    private readonly IMetricFactory _factory;
    private readonly double[]? _buckets;

    // The bucket upper bounds with +Inf, as prometheus-net counts them: shared by every series of the histogram.
    private readonly double[]? _bounds;
    private readonly ExemplarBehavior? _exemplars;
    private readonly string[] _labelNames;
    private readonly Collector _collector;
    private readonly Dictionary<string, Collector> _withConstantLabels = new(StringComparer.Ordinal);
    private readonly SeriesFolder _folder;

    /// <param name="definition">The declared metric.</param>
    /// <param name="guard">Its value rule.</param>
    /// <param name="factory">Creates its collectors (exemplars off).</param>
    /// <param name="defaultBuckets">Buckets of a histogram whose definition has none.</param>
    /// <param name="exemplars">The exemplar behaviour of a histogram; <see langword="null"/> for none.</param>
    /// <param name="folder">Folds the counter and histogram series into their children at each collection.</param>
    public PrometheusMetric(
        MetricDefinition definition,
        MetricValueGuard guard,
        IMetricFactory factory,
        IReadOnlyList<double> defaultBuckets,
        ExemplarBehavior? exemplars,
        SeriesFolder folder)
    {
        _exemplars = exemplars;
        _folder = folder;
        _definition = definition;
        _guard = guard;
        _help = EscapeHelp(definition.Description);
        _factory = factory;
        _buckets = definition.Type == MetricType.Histogram ? [.. definition.Buckets ?? defaultBuckets] : null;
        _bounds = _buckets is null ? null : [.. _buckets, double.PositiveInfinity];
        _labelNames = [.. definition.LabelNames ?? []];
        _collector = CreateCollector(_labelNames);
    }

    public IMetricSeries CreateSeries(IReadOnlyList<string> labelValues, IReadOnlyList<KeyValuePair<string, string>> constantLabels)
    {
        if (constantLabels.Count == 0)
        {
            return Bind(_collector, [.. labelValues]);
        }

        var sorted = constantLabels.OrderBy(l => l.Key, StringComparer.Ordinal).ToArray();
        var names = new string[_labelNames.Length + sorted.Length];
        var values = new string[names.Length];
        for (var i = 0; i < _labelNames.Length; i++)
        {
            names[i] = _labelNames[i];
            values[i] = labelValues[i];
        }

        for (var i = 0; i < sorted.Length; i++)
        {
            names[_labelNames.Length + i] = sorted[i].Key;
            values[_labelNames.Length + i] = sorted[i].Value ?? string.Empty;
        }

        var key = string.Join('\n', names, _labelNames.Length, sorted.Length);
        if (!_withConstantLabels.TryGetValue(key, out var collector))
        {
            collector = CreateCollector(names);
            _withConstantLabels.Add(key, collector);
        }

        return Bind(collector, values);
    }

    private Collector CreateCollector(string[] labelNames) => _definition.Type switch
    {
        MetricType.Counter => _factory.CreateCounter(_definition.Name, _help, labelNames),
        // A gauge is published only once it is set: a gauge nobody set has no value, and must not read as 0.
        MetricType.Gauge => _factory.CreateGauge(_definition.Name, _help, labelNames, new GaugeConfiguration { SuppressInitialValue = true }),
        MetricType.Histogram => _factory.CreateHistogram(
            _definition.Name,
            _help,
            labelNames,
            new HistogramConfiguration { Buckets = _buckets, ExemplarBehavior = _exemplars }),
        _ => _factory.CreateSummary(_definition.Name, _help, labelNames),
    };

    // prometheus-net 8.2.1 writes HELP text as it is given; the text format needs backslash and line feed escaped.
    private static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private IMetricSeries Bind(Collector collector, string[] values)
    {
        switch (collector)
        {
            case Counter counter:
                var counted = new StripedCounterSeries(Child(counter, values), _guard);
                _folder.Add(counted);
                return counted;
            case Histogram histogram:
                var observed = new StripedHistogramSeries(Child(histogram, values), _guard, _bounds!, _exemplars is not null);
                _folder.Add(observed);
                return observed;
            case Gauge gauge:
                return new GaugeSeries(Child(gauge, values), _guard);
            case Summary summary:
                return new SummarySeries(Child(summary, values), _guard);
            default:
                throw new InvalidOperationException($"Unexpected prometheus-net collector {collector.GetType()}.");
        }
    }

    private static TChild Child<TChild>(Collector<TChild> collector, string[] values)
        where TChild : ChildBase =>
        values.Length == 0 ? ((ICollector<TChild>)collector).Unlabelled : collector.WithLabels(values);
}
