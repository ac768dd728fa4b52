using Interception.Metrics.Collection;

namespace Interception.Metrics;

/// <summary>
/// Records calls, durations and gauges into the metrics backends under the catalogue names. Every recording
/// method is synchronous, cheap and never throws because of a backend: backends sit behind a
/// <see cref="MultiMetricsBackend"/> that isolates their failures.
/// </summary>
public sealed class MetricsCollectorService
{
    private readonly MultiMetricsBackend _backend;
    private readonly IReadOnlyList<double>? _histogramBuckets;
    private readonly IMetricSeries _databaseConnections;
    private readonly IMetricSeries _backgroundWorkers;
    private readonly IMetricsExposition? _exposition;
    private readonly Lock _appInfoGate = new();
    private IMetricSeries? _appInfo;
    private volatile bool _telegramDeclared;

    /// <summary>
    /// Creates the collector and declares its generic catalogue metrics and the self-metrics on
    /// <paramref name="backend"/>. Its Telegram metrics are declared when first used.
    /// </summary>
    /// <param name="backend">Where to record; a backend that is not a <see cref="MultiMetricsBackend"/> is put behind one.</param>
    /// <param name="histogramBuckets">Buckets of the duration histograms, in seconds; <see cref="MetricCatalogue.DefaultBuckets"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="histogramBuckets"/> is empty or not strictly increasing.</exception>
    public MetricsCollectorService(IMetricsBackend backend, IReadOnlyList<double>? histogramBuckets = null)
    {
        _backend = BackendGuard.Wrap(backend);
        _histogramBuckets = histogramBuckets;
        BackendGuard.InitializeAll(_backend, MetricCatalogue.Collector(histogramBuckets));
        BackendGuard.InitializeAll(_backend, MetricCatalogue.SelfMetrics);
        _databaseConnections = _backend.Bind(MetricNames.DatabaseConnectionsActive, []);
        _backgroundWorkers = _backend.Bind(MetricNames.BackgroundWorkersActive, []);

        // The fan-out's children are fixed at construction: find the one that renders text once.
        _exposition = _backend.Backends.OfType<IMetricsExposition>().FirstOrDefault();
    }

    /// <summary>The content type of <see cref="GetMetricsOutput()"/>.</summary>
    public string ContentType => _exposition?.ContentType ?? MetricsExpositionFormats.PrometheusTextContentType;

    /// <summary>
    /// Whether a configured backend renders the metrics as text (the Prometheus backend does). When
    /// <see langword="false"/>, <see cref="GetMetricsOutput()"/> is empty: switch Prometheus on with
    /// <c>Metrics:Backends:Prometheus:Enabled</c> (and reference Interception.Metrics.Prometheus).
    /// </summary>
    public bool CanRenderMetrics => _exposition is not null;

    /// <summary>The fan-out backend every measurement goes to.</summary>
    public IMetricsBackend Backend => _backend;

    /// <summary>
    /// Binds the series of one timed operation, for recording many times (the interceptor binds once per method).
    /// The first <see cref="MetricKind.TelegramApi"/> operation declares the Telegram metrics; the first operation of a
    /// kind with <paramref name="trackInProgress"/> declares that kind's in-progress gauge.
    /// </summary>
    /// <param name="kind">Which catalogue metrics to use.</param>
    /// <param name="name">The operation's label value (function, endpoint, operation, API method or task name).</param>
    /// <param name="constantLabels">Extra labels for this operation's series.</param>
    /// <param name="httpMethod">The <c>method</c> label for <see cref="MetricKind.Http"/>.</param>
    /// <param name="trackInProgress">
    /// Whether to keep the kind's in-progress gauge (<c>function_calls_in_progress</c>, <c>http_requests_in_progress</c>,
    /// …) through <see cref="OperationMetrics.IncrementInProgress"/> and <see cref="OperationMetrics.DecrementInProgress"/>.
    /// </param>
    /// <exception cref="ArgumentException">A constant label name is invalid, given twice or collides with a catalogue label.</exception>
    public OperationMetrics BindOperation(
        MetricKind kind,
        string name,
        IReadOnlyList<KeyValuePair<string, string>>? constantLabels = null,
        string httpMethod = "GET",
        bool trackInProgress = false) =>
        BindTimedOperation(kind, name, constantLabels, httpMethod, trackInProgress, null);

    /// <summary>Binds an operation whose calls also give the values of <paramref name="argumentLabels"/> (<see cref="MetricLabelAttribute"/>).</summary>
    /// <exception cref="ArgumentException">A constant or argument label name is invalid, given twice or collides with a catalogue label.</exception>
    internal OperationMetrics BindTimedOperation(
        MetricKind kind,
        string name,
        IReadOnlyList<KeyValuePair<string, string>>? constantLabels,
        string httpMethod,
        bool trackInProgress,
        IReadOnlyList<string>? argumentLabels)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(httpMethod);
        if (kind == MetricKind.TelegramApi)
        {
            DeclareTelegramMetrics();
        }

        if (trackInProgress)
        {
            // Declared on first use only: a gauge of an operation nobody tracks would be an empty family in every backend.
            _backend.InitializeMetric(MetricCatalogue.InProgress(kind));
        }

        return new OperationMetrics(_backend, kind, name, constantLabels, httpMethod, trackInProgress, argumentLabels);
    }

    /// <summary>Records one HTTP request.</summary>
    public void RecordHttpRequest(HttpRequestMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        _backend.Bind(MetricNames.HttpRequests, [metric.Method, metric.Endpoint, StatusCodes.ToText(metric.StatusCode)]).Record(1);
        _backend.Bind(MetricNames.HttpRequestDuration, [metric.Method, metric.Endpoint]).Record(metric.Duration.TotalSeconds);
    }

    /// <summary>Records one Telegram Bot API call (the first declares the Telegram metrics).</summary>
    public void RecordTelegramApiRequest(TelegramApiMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        DeclareTelegramMetrics();
        _backend.Bind(MetricNames.TelegramApiRequests, [metric.Method, metric.Status]).Record(1);
        _backend.Bind(MetricNames.TelegramApiRequestDuration, [metric.Method]).Record(metric.Duration.TotalSeconds);
    }

    /// <summary>Records one update received from Telegram (the first declares the Telegram metrics).</summary>
    public void RecordTelegramUpdate(TelegramUpdateMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        DeclareTelegramMetrics();
        _backend.Bind(MetricNames.TelegramUpdates, [metric.UpdateType, metric.Status]).Record(1);
    }

    /// <summary>Records one database query.</summary>
    public void RecordDatabaseQuery(DatabaseQueryMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        _backend.Bind(MetricNames.DatabaseQueries, [metric.Operation, metric.Status]).Record(1);
        _backend.Bind(MetricNames.DatabaseQueryDuration, [metric.Operation]).Record(metric.Duration.TotalSeconds);
    }

    /// <summary>Records one background task run.</summary>
    public void RecordBackgroundTask(BackgroundTaskMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        _backend.Bind(MetricNames.BackgroundTasks, [metric.TaskName, metric.Status]).Record(1);
        _backend.Bind(MetricNames.BackgroundTaskDuration, [metric.TaskName]).Record(metric.Duration.TotalSeconds);
    }

    /// <summary>Sets <c>database_connections_active</c>.</summary>
    public void UpdateDatabaseConnections(int activeConnections) => _databaseConnections.Record(activeConnections);

    /// <summary>Sets <c>background_workers_active</c>.</summary>
    public void UpdateBackgroundWorkers(int activeWorkers) => _backgroundWorkers.Record(activeWorkers);

    /// <summary>Sets <c>app_info{version, environment}</c> to 1; a previous version/environment pair goes to 0.</summary>
    public void SetAppInfo(string version, string environment)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(environment);
        var series = _backend.Bind(MetricNames.AppInfo, [version, environment]);
        lock (_appInfoGate)
        {
            if (_appInfo is not null && !ReferenceEquals(_appInfo, series))
            {
                _appInfo.Record(0);
            }

            _appInfo = series;
            series.Record(1);
        }
    }

    /// <summary>
    /// Renders every metric as text through the first backend that can (the Prometheus backend); empty when none can.
    /// </summary>
    public string GetMetricsOutput() => _exposition?.GetMetricsOutput() ?? string.Empty;

    /// <summary>
    /// Declares the Telegram metrics (<see cref="MetricCatalogue.Telegram"/>) unless already done: on first use, or
    /// at startup when configuration asks for it (<c>Metrics:Catalogue:TelegramBot</c>).
    /// </summary>
    internal void DeclareTelegramMetrics()
    {
        if (_telegramDeclared)
        {
            return;
        }

        // Declaring twice from two threads is harmless: a declaration of the same definition is a no-op.
        BackendGuard.InitializeAll(_backend, MetricCatalogue.Telegram(_histogramBuckets));
        _telegramDeclared = true;
    }

    /// <summary>
    /// The format to answer a scraper with, from its <c>Accept</c> header: OpenMetrics when it asks for
    /// <c>application/openmetrics-text</c> and the rendering backend supports it, otherwise the Prometheus text format.
    /// Pair it with <see cref="MetricsExpositionFormats.GetContentType"/> and <see cref="WriteMetricsAsync"/>.
    /// </summary>
    /// <param name="acceptHeader">The request's <c>Accept</c> header; may be <see langword="null"/>.</param>
    public MetricsExpositionFormat NegotiateFormat(string? acceptHeader)
    {
        var format = MetricsExpositionFormats.Negotiate(acceptHeader);
        return _exposition is not null && _exposition.SupportsFormat(format) ? format : MetricsExpositionFormat.PrometheusText;
    }

    /// <summary>
    /// Writes every metric in <paramref name="format"/> to <paramref name="destination"/> through the first backend that
    /// renders text; writes nothing when none does (see <see cref="CanRenderMetrics"/>).
    /// </summary>
    /// <exception cref="NotSupportedException">The rendering backend does not support <paramref name="format"/>; <see cref="NegotiateFormat"/> never picks such a format.</exception>
    public Task WriteMetricsAsync(Stream destination, MetricsExpositionFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return _exposition?.WriteMetricsAsync(destination, format, cancellationToken) ?? Task.CompletedTask;
    }
}
