using System.Collections.Concurrent;
using Interception.Metrics.Backends.InMemory;
using Microsoft.Extensions.Logging;

namespace Interception.Metrics;

/// <summary>
/// Keeps every series in memory so that a test (or a console summary) can read any counter, gauge or
/// histogram by name and labels.
/// </summary>
public sealed class InMemoryMetricsBackend : MetricsBackend
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<InMemorySeries>> _series = new(StringComparer.Ordinal);

    /// <summary>Creates the backend.</summary>
    /// <param name="cardinalityLimit">Distinct label sets per metric before folding.</param>
    /// <param name="logger">Receives the invalid values it drops, at most one message a minute.</param>
    public InMemoryMetricsBackend(int cardinalityLimit = DefaultCardinalityLimit, ILogger? logger = null)
        : base(cardinalityLimit, logger)
    {
    }

    /// <summary>A counter's total for exactly these labels; 0 when the series was never recorded.</summary>
    /// <param name="name">Metric name.</param>
    /// <param name="labels">Every label of the series as (name, value) pairs, constant labels included.</param>
    public double GetCounter(string name, params (string Name, string Value)[] labels) =>
        Find(name, labels)?.Value ?? 0;

    /// <summary>A gauge's value for exactly these labels, or <see langword="null"/> when it was never set.</summary>
    public double? GetGauge(string name, params (string Name, string Value)[] labels) =>
        FindSeries(name, labels) is { HasBeenRecorded: true } series ? series.Snapshot().Value : null;

    /// <summary>A histogram's observations for exactly these labels (count 0 when none).</summary>
    public MetricSample GetHistogram(string name, params (string Name, string Value)[] labels) =>
        Find(name, labels) ?? new MetricSample(ToDictionary(labels), 0, 0, 0, 0, 0);

    /// <summary>
    /// Snapshots of every series of <paramref name="name"/> so far: counters and histograms once bound (at zero until
    /// recorded), gauges only once set.
    /// </summary>
    public IReadOnlyList<MetricSample> GetSamples(string name) =>
        _series.TryGetValue(name, out var all)
            ? all.Where(s => s.Type != MetricType.Gauge || s.HasBeenRecorded).Select(s => s.Snapshot()).ToArray()
            : [];

    /// <inheritdoc />
    protected override void InitializeCore(MetricDefinition definition) =>
        _series.TryAdd(definition.Name, new ConcurrentQueue<InMemorySeries>());

    /// <inheritdoc />
    protected override IMetricSeries CreateSeries(
        MetricDefinition definition,
        IReadOnlyList<string> labelValues,
        IReadOnlyList<KeyValuePair<string, string>> constantLabels)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < labelValues.Count; i++)
        {
            labels[definition.Labels[i]] = labelValues[i];
        }

        foreach (var (key, value) in constantLabels)
        {
            labels[key] = value;
        }

        var series = new InMemorySeries(definition.Type, labels, ValueGuard(definition));
        _series[definition.Name].Enqueue(series);
        return series;
    }

    private MetricSample? Find(string name, (string Name, string Value)[] labels) => FindSeries(name, labels)?.Snapshot();

    private InMemorySeries? FindSeries(string name, (string Name, string Value)[] labels)
    {
        if (!_series.TryGetValue(name, out var all))
        {
            return null;
        }

        var wanted = ToDictionary(labels);
        return all.FirstOrDefault(s => s.Labels.Count == wanted.Count && wanted.All(w => s.Labels.TryGetValue(w.Key, out var v) && v == w.Value));
    }

    private static Dictionary<string, string> ToDictionary((string Name, string Value)[] labels) =>
        labels.ToDictionary(l => l.Name, l => l.Value, StringComparer.Ordinal);
}
