using System.Diagnostics;
using Prometheus;

namespace Interception.Metrics.Prometheus.Exemplars;

/// <summary>
/// The exemplars of the backend's histograms: the <c>trace_id</c> and <c>span_id</c> of <see cref="Activity.Current"/>
/// when it is sampled (recorded), so that an exemplar always points at a trace a tracing backend keeps; none otherwise.
/// Reading the trace context costs one <see cref="Activity.Current"/> read per observation, and nothing is formatted:
/// the activity keeps its ids as text.
/// </summary>
internal static class TraceExemplars
{
    private static readonly Exemplar.LabelKey TraceIdKey = Exemplar.Key("trace_id");
    private static readonly Exemplar.LabelKey SpanIdKey = Exemplar.Key("span_id");

    /// <summary>The exemplar behaviour of a histogram: exemplars of sampled activities, at most one new one per series every <paramref name="minInterval"/>.</summary>
    public static ExemplarBehavior Behavior(TimeSpan minInterval) => new()
    {
        DefaultExemplarProvider = FromSampledActivity,
        NewExemplarMinInterval = minInterval,
    };

    private static Exemplar FromSampledActivity(Collector metric, double value) =>
        Activity.Current is { Recorded: true } activity
            ? Exemplar.From(TraceIdKey.WithValue(activity.TraceId.ToHexString()), SpanIdKey.WithValue(activity.SpanId.ToHexString()))
            : Exemplar.None;
}
