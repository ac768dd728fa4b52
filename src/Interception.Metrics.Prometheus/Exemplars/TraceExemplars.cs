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

    /// <summary>
    /// The exemplar behaviour of a histogram: at most one new exemplar per series every <paramref name="minInterval"/>.
    /// It has no default exemplar provider: the series hands the exemplar of a sampled activity to each observation
    /// it makes there (<see cref="Of"/>), and observations folded in at collection carry none (the activity current
    /// then is the collection's, not the call's).
    /// </summary>
    public static ExemplarBehavior Behavior(TimeSpan minInterval) => new()
    {
        DefaultExemplarProvider = null,
        NewExemplarMinInterval = minInterval,
    };

    /// <summary>The exemplar of a sampled <paramref name="activity"/>: its trace and span ids.</summary>
    public static Exemplar Of(Activity activity) =>
        Exemplar.From(TraceIdKey.WithValue(activity.TraceId.ToHexString()), SpanIdKey.WithValue(activity.SpanId.ToHexString()));
}
