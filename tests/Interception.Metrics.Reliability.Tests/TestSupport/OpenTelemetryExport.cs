using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Interception.Metrics.Reliability.Tests.TestSupport;

/// <summary>
/// The real OpenTelemetry SDK listening to one meter (<c>AddMeter</c>) with the in-memory exporter; read after
/// <see cref="Flush"/>. Cumulative temporality: each point holds the total since the start.
/// </summary>
internal sealed class OpenTelemetryExport : IDisposable
{
    private readonly List<Metric> _exported = [];
    private readonly MeterProvider _provider;

    public OpenTelemetryExport(string meterName)
    {
        _provider = Sdk.CreateMeterProviderBuilder().AddMeter(meterName).AddInMemoryExporter(_exported).Build();
    }

    /// <summary>Collects and exports everything recorded so far.</summary>
    public void Flush()
    {
        _exported.Clear();
        Assert.True(_provider.ForceFlush(10_000), "the OpenTelemetry SDK did not flush within 10 s");
    }

    /// <summary>Each point of a counter: its tags and sum.</summary>
    public IReadOnlyList<(IReadOnlyDictionary<string, string> Tags, double Value)> CounterPoints(string name) =>
        Points(name, static (in MetricPoint p) => p.GetSumDouble());

    /// <summary>Each point of a histogram: its tags and observation count.</summary>
    public IReadOnlyList<(IReadOnlyDictionary<string, string> Tags, double Value)> HistogramCounts(string name) =>
        Points(name, static (in MetricPoint p) => p.GetHistogramCount());

    /// <summary>Each point of a histogram: its tags and the sum of its observations.</summary>
    public IReadOnlyList<(IReadOnlyDictionary<string, string> Tags, double Value)> HistogramSums(string name) =>
        Points(name, static (in MetricPoint p) => p.GetHistogramSum());

    /// <summary>Each point of a gauge: its tags and last value.</summary>
    public IReadOnlyList<(IReadOnlyDictionary<string, string> Tags, double Value)> GaugePoints(string name) =>
        Points(name, static (in MetricPoint p) => p.GetGaugeLastValueDouble());

    /// <summary>The names of every exported metric and every tag value of every point.</summary>
    public IEnumerable<string> AllNamesAndTagValues() =>
        _exported.Select(m => m.Name).Concat(_exported.Select(m => m.Name).Distinct().SelectMany(n => CounterOrAnyPoints(n)));

    public void Dispose() => _provider.Dispose();

    private IEnumerable<string> CounterOrAnyPoints(string name) =>
        Points(name, static (in MetricPoint _) => 0).SelectMany(p => p.Tags.Values);

    private List<(IReadOnlyDictionary<string, string> Tags, double Value)> Points(string name, PointValue value)
    {
        var points = new List<(IReadOnlyDictionary<string, string>, double)>();
        foreach (var metric in _exported.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var tags = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var tag in point.Tags)
                {
                    tags[tag.Key] = tag.Value as string ?? string.Empty;
                }

                points.Add((tags, value(in point)));
            }
        }

        return points;
    }

    private delegate double PointValue(in MetricPoint point);
}
