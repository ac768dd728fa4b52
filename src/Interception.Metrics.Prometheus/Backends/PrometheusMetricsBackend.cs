using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Interception.Metrics.Prometheus;
using Interception.Metrics.Prometheus.Exemplars;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;

namespace Interception.Metrics;

/// <summary>
/// Records into prometheus-net collectors in a registry of the backend's own, and renders them in the Prometheus
/// text format (0.0.4) or OpenMetrics 1.0. Optionally serves them on a standalone HTTP endpoint (Kestrel; see
/// <see cref="PrometheusServerOptions"/>), stopped by <see cref="DisposeAsync"/> or <see cref="Dispose"/>.
/// </summary>
/// <remarks>
/// <para>
/// Each bound series wraps a cached prometheus-net child, with no lookup and no allocation per recording. A gauge or
/// summary series sets or observes its child. A counter or histogram series records into cells of its own, one per
/// processor once two threads meet on the series, so that threads recording the same series on different cores do
/// not wait for each other's cache lines; every collection of the registry (a scrape, <see cref="GetMetricsOutput()"/>,
/// or prometheus-net's own exporters on <see cref="Registry"/>) first adds what the cells hold to the children, so
/// totals, bucket counts and sums are exact in every exposition. With <see cref="PrometheusMetricsBackendOptions.Exemplars"/> (the default), a histogram
/// observation made inside a sampled <see cref="System.Diagnostics.Activity"/> (a timed call's, when tracing is on and
/// something samples it) carries that activity's <c>trace_id</c> and <c>span_id</c> as an exemplar, written in the
/// OpenMetrics exposition only; counters and gauges never read the trace context. A value the metric cannot
/// record (a negative, NaN or infinite increment or observation, a gauge value that is not finite) never reaches
/// prometheus-net: it is dropped and counted in <c>metrics_invalid_values_total{metric}</c>. A gauge appears in the
/// exposition only once it has been set; counters and histograms appear at zero as soon as they are bound.
/// </para>
/// <para>
/// Constant labels (<see cref="MetricsTimerAttribute.Labels"/>) are extra label names on some series of a metric.
/// prometheus-net fixes the label names of a collector, so those series live in a second collector of the same
/// name whose label names are the metric's followed by the constant label names (sorted). prometheus-net keeps
/// both in one collector family and writes one HELP and TYPE for all of them: a valid exposition, which
/// <c>promtool check metrics</c> accepts and Prometheus ingests as series of one metric.
/// </para>
/// </remarks>
public sealed class PrometheusMetricsBackend : MetricsBackend, IMetricsExposition, IDisposable, IAsyncDisposable
{
    /// <summary>The content type of the Prometheus text format 0.0.4.</summary>
    public const string TextContentType = MetricsExpositionFormats.PrometheusTextContentType;

    /// <summary>The content type of the OpenMetrics text format 1.0.0.</summary>
    public const string OpenMetricsContentType = MetricsExpositionFormats.OpenMetricsContentType;

    private readonly ConcurrentDictionary<string, PrometheusMetric> _metrics = new(StringComparer.Ordinal);
    private readonly IMetricFactory _factory;
    private readonly double[] _defaultBuckets;
    private readonly ExemplarBehavior? _exemplars;
    private readonly MetricServerHost? _server;
    private readonly SeriesFolder _folder = new();

    /// <summary>Creates a backend with default options: its own registry, default buckets, no HTTP endpoint.</summary>
    public PrometheusMetricsBackend()
        : this(new PrometheusMetricsBackendOptions())
    {
    }

    /// <summary>Creates the backend and, when <see cref="PrometheusServerOptions.Enabled"/>, starts its HTTP endpoint.</summary>
    /// <param name="options">The options.</param>
    /// <param name="logger">Receives the endpoint's address when it starts, and the invalid values the backend drops.</param>
    /// <exception cref="ArgumentException">The buckets or the server options are invalid, the exemplar interval is negative, or
    /// the server cannot listen on its host or port (an address this machine does not have, a port it may not use);
    /// <see cref="ArgumentException.ParamName"/> names the option.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The cardinality limit is less than 1.</exception>
    /// <exception cref="InvalidOperationException">The endpoint cannot listen for another reason: the message names the host
    /// and port, such as "127.0.0.1:9464 is already in use".</exception>
    public PrometheusMetricsBackend(PrometheusMetricsBackendOptions options, ILogger<PrometheusMetricsBackend>? logger = null)
        : base((options ?? throw new ArgumentNullException(nameof(options))).CardinalityLimit, logger)
    {
        _defaultBuckets = ValidateBuckets(options.DefaultBuckets);
        var server = options.Server ?? throw new ArgumentException("Server options must not be null.", nameof(options));
        if (server.Enabled)
        {
            ServerOptionsRules.Validate(server);
        }

        Registry = options.Registry ?? global::Prometheus.Metrics.NewCustomRegistry();
        _factory = global::Prometheus.Metrics.WithCustomRegistry(Registry);
        _factory.ExemplarBehavior = ExemplarBehavior.NoExemplars();
        Registry.AddBeforeCollectCallback(_folder.Fold);
        if (options.ExemplarMinInterval < TimeSpan.Zero)
        {
            throw new ArgumentException($"The exemplar interval must not be negative: {options.ExemplarMinInterval}.", nameof(options));
        }

        _exemplars = options.Exemplars ? TraceExemplars.Behavior(options.ExemplarMinInterval) : null;
        if (server.Enabled)
        {
            var log = logger ?? (ILogger)NullLogger.Instance;
            _server = MetricServerHost.Start(this, server, log);
            log.LogInformation("Serving Prometheus metrics at {Address} (listening on {Endpoints}).", _server.Address, string.Join(", ", _server.ListenAddresses));
        }
    }

    /// <summary>The prometheus-net registry holding this backend's metrics, to serve it another way (such as ASP.NET Core's <c>MapMetrics</c>).</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>The URL of the running HTTP endpoint, such as <c>http://127.0.0.1:9464/metrics</c>; <see langword="null"/> when it is disabled.</summary>
    public string? ServerAddress => _server?.Address;

    /// <summary>The content type of <see cref="GetMetricsOutput()"/>: the Prometheus text format 0.0.4.</summary>
    public string ContentType => TextContentType;

    /// <summary>Renders every metric in the Prometheus text format 0.0.4.</summary>
    public string GetMetricsOutput() => GetMetricsOutput(MetricsExpositionFormat.PrometheusText);

    /// <summary>Renders every metric in <paramref name="format"/>.</summary>
    public string GetMetricsOutput(MetricsExpositionFormat format)
    {
        using var buffer = new MemoryStream();

        // Collecting into a MemoryStream completes synchronously; under a synchronization context, hop off it
        // so that blocking here can never deadlock.
        if (SynchronizationContext.Current is null)
        {
            WriteMetricsAsync(buffer, format).GetAwaiter().GetResult();
        }
        else
        {
            Task.Run(() => WriteMetricsAsync(buffer, format)).GetAwaiter().GetResult();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Both formats: the Prometheus text format 0.0.4 and OpenMetrics 1.0.</summary>
    public bool SupportsFormat(MetricsExpositionFormat format) => Enum.IsDefined(format);

    /// <summary>Writes every metric in the Prometheus text format 0.0.4 to <paramref name="destination"/>.</summary>
    public Task WriteMetricsAsync(Stream destination, CancellationToken cancellationToken = default) =>
        WriteMetricsAsync(destination, MetricsExpositionFormat.PrometheusText, cancellationToken);

    /// <summary>Writes every metric in <paramref name="format"/> to <paramref name="destination"/>, leaving it open.</summary>
    public Task WriteMetricsAsync(Stream destination, MetricsExpositionFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return Registry.CollectAndExportAsTextAsync(
            destination,
            format == MetricsExpositionFormat.OpenMetrics ? ExpositionFormat.OpenMetricsText : ExpositionFormat.PrometheusText,
            cancellationToken);
    }

    /// <summary>
    /// Stops the HTTP endpoint, if any, waiting up to five seconds for scrapes in flight while it blocks the calling
    /// thread. Recording keeps working; calling it again does nothing; a failure to stop is logged, not thrown.
    /// </summary>
    public void Dispose() => _server?.Dispose();

    /// <summary>As <see cref="Dispose"/>, without blocking a thread: what an asynchronous container disposal uses.</summary>
    /// <returns>A task that completes when the endpoint has stopped.</returns>
    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <inheritdoc />
    protected override void InitializeCore(MetricDefinition definition) =>
        _metrics[definition.Name] = new PrometheusMetric(definition, ValueGuard(definition), _factory, _defaultBuckets, _exemplars, _folder);

    /// <inheritdoc />
    protected override IMetricSeries CreateSeries(
        MetricDefinition definition,
        IReadOnlyList<string> labelValues,
        IReadOnlyList<KeyValuePair<string, string>> constantLabels) =>
        _metrics[definition.Name].CreateSeries(labelValues, constantLabels);

    private static double[] ValidateBuckets(IReadOnlyList<double>? buckets)
    {
        if (buckets is null || buckets.Count == 0)
        {
            throw new ArgumentException("Default histogram buckets must not be empty.", nameof(buckets));
        }

        for (var i = 0; i < buckets.Count; i++)
        {
            if (!double.IsFinite(buckets[i]) || (i > 0 && buckets[i] <= buckets[i - 1]))
            {
                throw new ArgumentException(
                    $"Default histogram buckets must be finite and strictly increasing: [{string.Join(", ", buckets.Select(b => b.ToString(CultureInfo.InvariantCulture)))}].", nameof(buckets));
            }
        }

        return [.. buckets];
    }
}
