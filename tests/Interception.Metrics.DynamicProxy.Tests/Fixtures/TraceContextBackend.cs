using System.Collections.Concurrent;
using System.Diagnostics;

namespace Interception.Metrics.DynamicProxy.Tests.Fixtures;

/// <summary>
/// A backend that notes, for each histogram observation, which activity was current: what a backend attaching
/// exemplars (prometheus-net, the OpenTelemetry SDK) reads.
/// </summary>
public sealed class TraceContextBackend : MetricsBackend
{
    private readonly ConcurrentQueue<(string Metric, ActivitySpanId? SpanId)> _observations = new();

    public IReadOnlyList<(string Metric, ActivitySpanId? SpanId)> Observations => [.. _observations];

    protected override void InitializeCore(MetricDefinition definition)
    {
    }

    protected override IMetricSeries CreateSeries(
        MetricDefinition definition,
        IReadOnlyList<string> labelValues,
        IReadOnlyList<KeyValuePair<string, string>> constantLabels) =>
        new Series(definition, _observations);

    private sealed class Series(MetricDefinition definition, ConcurrentQueue<(string, ActivitySpanId?)> observations) : IMetricSeries
    {
        public void Record(double value)
        {
            if (definition.Type == MetricType.Histogram)
            {
                observations.Enqueue((definition.Name, Activity.Current?.SpanId));
            }
        }
    }
}
