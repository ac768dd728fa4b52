using Prometheus;

namespace Interception.Metrics;

/// <summary>Options of a <see cref="PrometheusMetricsBackend"/>.</summary>
public sealed class PrometheusMetricsBackendOptions
{
    /// <summary>Distinct label sets per metric before new ones fold into the overflow series. Default 2000.</summary>
    public int CardinalityLimit { get; set; } = MetricsBackend.DefaultCardinalityLimit;

    /// <summary>
    /// Bucket upper bounds, in seconds, of histograms whose definition has none. Finite and strictly increasing.
    /// Default <see cref="MetricCatalogue.DefaultBuckets"/>.
    /// </summary>
    public IReadOnlyList<double> DefaultBuckets { get; set; } = MetricCatalogue.DefaultBuckets;

    /// <summary>
    /// The prometheus-net registry to create the metrics in. Default <see langword="null"/>: a new registry of the
    /// backend's own, so that two backends (two containers) share nothing. Set it to
    /// <c>Prometheus.Metrics.DefaultRegistry</c> only to expose these metrics next to prometheus-net's process
    /// metrics or an existing ASP.NET Core <c>/metrics</c> endpoint.
    /// </summary>
    public CollectorRegistry? Registry { get; set; }

    /// <summary>
    /// Whether histogram observations made inside a sampled trace activity carry an exemplar with its <c>trace_id</c>
    /// and <c>span_id</c>, written in the OpenMetrics exposition. Default <see langword="true"/>; when
    /// <see langword="false"/>, recording never reads the trace context.
    /// </summary>
    public bool Exemplars { get; set; } = true;

    /// <summary>
    /// The least time between two new exemplars of one series (prometheus-net's
    /// <c>ExemplarBehavior.NewExemplarMinInterval</c>): within it, further observations keep the exemplar already
    /// recorded. Default <see cref="TimeSpan.Zero"/>: each sampled observation replaces its bucket's exemplar, so every
    /// bucket shows its latest trace. Not negative.
    /// </summary>
    public TimeSpan ExemplarMinInterval { get; set; } = TimeSpan.Zero;

    /// <summary>The HTTP endpoint; disabled by default.</summary>
    public PrometheusServerOptions Server { get; set; } = new();
}
