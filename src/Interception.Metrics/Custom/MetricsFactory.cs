using Interception.Metrics.Collection;
using Interception.Metrics.Custom;
using Interception.Metrics.Definitions;

namespace Interception.Metrics;

/// <summary>
/// Declares an application's own counters, gauges and histograms, recorded through the same fan-out as the catalogue
/// metrics: every configured backend (and every <see cref="IMetricsBackend"/> the application registers), with the
/// same failure isolation, value rule and cardinality limit. Resolve it from the container (one per container, so two
/// containers share nothing), declare metrics once (in a constructor), and record on bound children in the hot path.
/// </summary>
/// <remarks>
/// <para>
/// Declaring is idempotent: the same name with the same type, labels and buckets returns the same metric (the help
/// text of the first declaration is kept). Every mistake is an <see cref="ArgumentException"/> at declaration, naming
/// the problem: an invalid name or label name (Prometheus data model), a name another declaration uses with another
/// shape, or a reserved name (the metric catalogue, its in-progress gauges and the self-metrics, and the series names
/// they expose, such as <c>function_duration_seconds_count</c>). Recording never throws because of a backend.
/// </para>
/// <para>
/// Create one factory per fan-out: two factories over the same backend keep separate gauge values for the same series.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// public sealed class CheckoutService
/// {
///     private readonly CustomCounter _orders;
///     private readonly CustomHistogram _checkoutSeconds;
///
///     public CheckoutService(MetricsFactory metrics)
///     {
///         _orders = metrics.CreateCounter("shop_orders_total", "Orders placed.", "region", "payment");
///         _checkoutSeconds = metrics.CreateHistogram("shop_checkout_duration_seconds", "Checkout time.", buckets: null, "payment");
///     }
///
///     public async Task CheckoutAsync(Order order)
///     {
///         using (_checkoutSeconds.WithLabels(order.Payment).Time())
///         {
///             await ChargeAsync(order);
///         }
///
///         _orders.WithLabels(order.Region, order.Payment).Inc();
///     }
/// }
/// </code>
/// </example>
public sealed class MetricsFactory
{
    private readonly MultiMetricsBackend _backend;
    private readonly IReadOnlyList<double> _defaultBuckets;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, (MetricDefinition Definition, object Metric)> _declared = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Creates a factory recording into <paramref name="backend"/>.</summary>
    /// <param name="backend">
    /// Where to record: the container's fan-out, or any backend (a test's in-memory one), which is then put behind a
    /// fan-out of its own so that nothing it throws reaches a caller.
    /// </param>
    /// <param name="defaultBuckets">
    /// Buckets of a histogram declared without its own; <see cref="MetricCatalogue.DefaultBuckets"/> (seconds) when
    /// <see langword="null"/>. The container passes <c>Metrics:Histogram:Buckets</c>.
    /// </param>
    /// <param name="timeProvider">Clock of <see cref="BoundHistogram.Time"/>; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="backend"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="defaultBuckets"/> is empty, not finite or not strictly increasing.</exception>
    public MetricsFactory(IMetricsBackend backend, IReadOnlyList<double>? defaultBuckets = null, TimeProvider? timeProvider = null)
    {
        _backend = BackendGuard.Wrap(backend);
        _defaultBuckets = defaultBuckets is null
            ? MetricCatalogue.DefaultBuckets
            : MetricNameRules.ValidateBuckets("(default buckets)", defaultBuckets)!;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Declares a counter, or returns the one already declared with this shape.</summary>
    /// <param name="name">Metric name, <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>; by convention ending in <c>_total</c>.</param>
    /// <param name="help">Help text.</param>
    /// <param name="labelNames">Label names, <c>[a-zA-Z_][a-zA-Z0-9_]*</c>, not starting with <c>__</c>, no duplicates.</param>
    /// <exception cref="ArgumentException">
    /// The name or a label name is invalid, the name is reserved, or it is already declared with another type or labels.
    /// </exception>
    public CustomCounter CreateCounter(string name, string help, params string[] labelNames) =>
        Declare(new MetricDefinition(name, MetricType.Counter, help, labelNames), d => new CustomCounter(_backend, d));

    /// <summary>Declares a gauge, or returns the one already declared with this shape.</summary>
    /// <param name="name">Metric name, <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>.</param>
    /// <param name="help">Help text.</param>
    /// <param name="labelNames">Label names, <c>[a-zA-Z_][a-zA-Z0-9_]*</c>, not starting with <c>__</c>, no duplicates.</param>
    /// <exception cref="ArgumentException">
    /// The name or a label name is invalid, the name is reserved, or it is already declared with another type or labels.
    /// </exception>
    public CustomGauge CreateGauge(string name, string help, params string[] labelNames) =>
        Declare(new MetricDefinition(name, MetricType.Gauge, help, labelNames), d => new CustomGauge(_backend, d));

    /// <summary>Declares a histogram, or returns the one already declared with this shape.</summary>
    /// <param name="name">Metric name, <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>; for durations, in seconds, ending in <c>_seconds</c>.</param>
    /// <param name="help">Help text.</param>
    /// <param name="buckets">Bucket upper bounds, finite and strictly increasing; the factory's default buckets when <see langword="null"/>.</param>
    /// <param name="labelNames">Label names, <c>[a-zA-Z_][a-zA-Z0-9_]*</c>, not starting with <c>__</c>, not <c>le</c>, no duplicates.</param>
    /// <exception cref="ArgumentException">
    /// The name, a label name or the buckets are invalid, the name is reserved, or it is already declared with another
    /// type, labels or buckets.
    /// </exception>
    public CustomHistogram CreateHistogram(string name, string help, IReadOnlyList<double>? buckets, params string[] labelNames) =>
        Declare(
            new MetricDefinition(name, MetricType.Histogram, help, labelNames, buckets ?? _defaultBuckets),
            d => new CustomHistogram(_backend, d, _time));

    private TMetric Declare<TMetric>(MetricDefinition requested, Func<MetricDefinition, TMetric> create)
        where TMetric : class
    {
        if (ReservedMetricNames.Conflict(requested.Name, requested.Type) is { } owner)
        {
            throw new ArgumentException(
                owner == requested.Name
                    ? $"Metric name '{requested.Name}' is reserved: it is a metric of Interception's catalogue. Choose another name."
                    : $"Metric name '{requested.Name}' is reserved: as a {Describe(requested.Type)} it would expose a series name of the catalogue metric '{owner}'. Choose another name.",
                "name");
        }

        lock (_gate)
        {
            if (_declared.TryGetValue(requested.Name, out var existing))
            {
                return existing.Definition.IsCompatibleWith(requested)
                    ? (TMetric)existing.Metric
                    : throw new ArgumentException(
                        $"Metric '{requested.Name}' is already declared as a {Shape(existing.Definition)}; it cannot be declared again as a {Shape(requested)}.",
                        "name");
            }

            // The fan-out refuses a name declared on it with another shape through the low-level port.
            _backend.InitializeMetric(requested);
            var metric = create(requested);
            _declared.Add(requested.Name, (requested, metric));
            return metric;
        }
    }

    private static string Describe(MetricType type) => type.ToString().ToLowerInvariant();

    private static string Shape(MetricDefinition definition)
    {
        var shape = $"{Describe(definition.Type)} with labels [{string.Join(", ", definition.Labels)}]";
        return definition.Buckets is { } buckets
            ? $"{shape} and buckets [{string.Join(", ", buckets.Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture)))}]"
            : shape;
    }
}
