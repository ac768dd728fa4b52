using Interception.Metrics.Backends.Multi;
using Interception.Metrics.Backends.Values;

namespace Interception.Metrics;

/// <summary>
/// The definitions of the catalogue metrics, with histogram buckets chosen by configuration. The generic part
/// (<see cref="Collector"/>, <see cref="Health"/>, <see cref="System"/>, <see cref="SelfMetrics"/>) is declared when
/// the services are created; the Telegram-bot part (<see cref="Telegram"/>, <see cref="Business"/>) only when an
/// application uses it.
/// </summary>
public static class MetricCatalogue
{
    /// <summary>The default histogram buckets, in seconds.</summary>
    public static IReadOnlyList<double> DefaultBuckets { get; } = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>
    /// The generic metrics of <see cref="MetricsCollectorService"/> (functions, HTTP, database, background tasks, app
    /// info), declared when it is created.
    /// </summary>
    /// <param name="buckets">Histogram buckets; <see cref="DefaultBuckets"/> when <see langword="null"/>.</param>
    public static IReadOnlyList<MetricDefinition> Collector(IReadOnlyList<double>? buckets = null)
    {
        buckets ??= DefaultBuckets;
        return
        [
            new(MetricNames.FunctionCalls, MetricType.Counter, "Calls of timed functions, by outcome.", ["function", "status"]),
            new(MetricNames.FunctionDuration, MetricType.Histogram, "Duration of timed functions in seconds.", ["function"], buckets),
            new(MetricNames.HttpRequests, MetricType.Counter, "HTTP requests, by status code.", ["method", "endpoint", "status"]),
            new(MetricNames.HttpRequestDuration, MetricType.Histogram, "Duration of HTTP requests in seconds.", ["method", "endpoint"], buckets),
            new(MetricNames.DatabaseQueries, MetricType.Counter, "Database queries, by outcome.", ["operation", "status"]),
            new(MetricNames.DatabaseQueryDuration, MetricType.Histogram, "Duration of database queries in seconds.", ["operation"], buckets),
            new(MetricNames.DatabaseConnectionsActive, MetricType.Gauge, "Database connections in use."),
            new(MetricNames.BackgroundTasks, MetricType.Counter, "Background task runs, by outcome.", ["task_name", "status"]),
            new(MetricNames.BackgroundTaskDuration, MetricType.Histogram, "Duration of background task runs in seconds.", ["task_name"], buckets),
            new(MetricNames.BackgroundWorkersActive, MetricType.Gauge, "Background workers running a job."),
            new(MetricNames.AppInfo, MetricType.Gauge, "Application version and environment (always 1).", ["version", "environment"]),
        ];
    }

    /// <summary>
    /// The Telegram metrics of <see cref="MetricsCollectorService"/>, declared when it first binds a
    /// <see cref="MetricKind.TelegramApi"/> operation or records a Telegram API call or update.
    /// </summary>
    /// <param name="buckets">Histogram buckets; <see cref="DefaultBuckets"/> when <see langword="null"/>.</param>
    public static IReadOnlyList<MetricDefinition> Telegram(IReadOnlyList<double>? buckets = null)
    {
        buckets ??= DefaultBuckets;
        return
        [
            new(MetricNames.TelegramApiRequests, MetricType.Counter, "Telegram Bot API calls, by outcome.", ["method", "status"]),
            new(MetricNames.TelegramApiRequestDuration, MetricType.Histogram, "Duration of Telegram Bot API calls in seconds.", ["method"], buckets),
            new(MetricNames.TelegramUpdates, MetricType.Counter, "Updates received from Telegram, by outcome.", ["update_type", "status"]),
        ];
    }

    /// <summary>
    /// The in-progress gauge of <paramref name="kind"/>, declared when the first operation of that kind is bound with
    /// in-progress tracking (<see cref="MetricsTimerAttribute.TrackInProgress"/>).
    /// </summary>
    /// <param name="kind">The operation kind.</param>
    public static MetricDefinition InProgress(MetricKind kind) => kind switch
    {
        MetricKind.Http => new(MetricNames.HttpRequestsInProgress, MetricType.Gauge, "HTTP requests being handled right now.", ["method", "endpoint"]),
        MetricKind.Database => new(MetricNames.DatabaseQueriesInProgress, MetricType.Gauge, "Database queries started and not yet finished.", ["operation"]),
        MetricKind.TelegramApi => new(MetricNames.TelegramApiRequestsInProgress, MetricType.Gauge, "Telegram Bot API calls started and not yet finished.", ["method"]),
        MetricKind.BackgroundTask => new(MetricNames.BackgroundTasksInProgress, MetricType.Gauge, "Background task runs started and not yet finished.", ["task_name"]),
        _ => new(MetricNames.FunctionCallsInProgress, MetricType.Gauge, "Calls of timed functions started and not yet finished.", ["function"]),
    };

    /// <summary>
    /// The self-metrics every backend of the fan-out carries: <c>metrics_backend_errors_total{backend}</c>,
    /// <c>metrics_backend_dropped_total{backend}</c>, <c>metrics_cardinality_overflow_total{metric}</c> and
    /// <c>metrics_invalid_values_total{metric}</c>.
    /// </summary>
    public static IReadOnlyList<MetricDefinition> SelfMetrics { get; } =
    [
        BackendFailures.ErrorsDefinition,
        DropPublisher.Definition,
        MetricsBackend.OverflowDefinition,
        InvalidValueReporter.Definition,
    ];

    /// <summary>The bot metrics of <see cref="BusinessMetricsService"/>, declared when it first records.</summary>
    public static IReadOnlyList<MetricDefinition> Business { get; } =
    [
        new(MetricNames.BotChannels, MetricType.Gauge, "Connected channels."),
        new(MetricNames.BotUsers, MetricType.Gauge, "Registered users."),
        new(MetricNames.BotScheduledPosts, MetricType.Gauge, "Posts waiting to be published."),
        new(MetricNames.BotPostsSent, MetricType.Counter, "Posts sent, by outcome.", ["status"]),
        new(MetricNames.BotPostViewsUpdates, MetricType.Counter, "Post view count refreshes."),
    ];

    /// <summary>The metrics recorded by <see cref="HealthCheckService"/>.</summary>
    public static IReadOnlyList<MetricDefinition> Health { get; } =
    [
        new(MetricNames.HealthCheckStatus, MetricType.Gauge, "Health check status: 1 healthy, 0 not.", ["check_name"]),
    ];

    /// <summary>The metrics recorded by <see cref="SystemMetricsService"/>.</summary>
    public static IReadOnlyList<MetricDefinition> System { get; } =
    [
        new(MetricNames.SystemMemoryUsage, MetricType.Gauge, "Memory in use, percent."),
        new(MetricNames.SystemCpuUsage, MetricType.Gauge, "CPU busy, percent."),
        new(MetricNames.SystemDiskUsage, MetricType.Gauge, "Disk space in use, percent."),
    ];
}
