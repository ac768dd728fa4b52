namespace Interception.Metrics;

/// <summary>The names of the catalogue metrics. They are a contract: dashboards depend on them.</summary>
public static class MetricNames
{
    /// <summary>Counter {function, status}.</summary>
    public const string FunctionCalls = "function_calls_total";

    /// <summary>Histogram {function}, seconds.</summary>
    public const string FunctionDuration = "function_duration_seconds";

    /// <summary>Counter {method, endpoint, status}.</summary>
    public const string HttpRequests = "http_requests_total";

    /// <summary>Histogram {method, endpoint}, seconds.</summary>
    public const string HttpRequestDuration = "http_request_duration_seconds";

    /// <summary>Counter {method, status}.</summary>
    public const string TelegramApiRequests = "telegram_api_requests_total";

    /// <summary>Histogram {method}, seconds.</summary>
    public const string TelegramApiRequestDuration = "telegram_api_request_duration_seconds";

    /// <summary>Counter {update_type, status}.</summary>
    public const string TelegramUpdates = "telegram_updates_total";

    /// <summary>Counter {operation, status}.</summary>
    public const string DatabaseQueries = "database_queries_total";

    /// <summary>Histogram {operation}, seconds.</summary>
    public const string DatabaseQueryDuration = "database_query_duration_seconds";

    /// <summary>Gauge.</summary>
    public const string DatabaseConnectionsActive = "database_connections_active";

    /// <summary>Counter {task_name, status}.</summary>
    public const string BackgroundTasks = "background_tasks_total";

    /// <summary>Histogram {task_name}, seconds.</summary>
    public const string BackgroundTaskDuration = "background_task_duration_seconds";

    /// <summary>Gauge.</summary>
    public const string BackgroundWorkersActive = "background_workers_active";

    /// <summary>Gauge {function}: calls running now, for functions timed with <see cref="MetricsTimerAttribute.TrackInProgress"/>.</summary>
    public const string FunctionCallsInProgress = "function_calls_in_progress";

    /// <summary>Gauge {method, endpoint}: requests running now, for operations timed with <see cref="MetricsTimerAttribute.TrackInProgress"/>.</summary>
    public const string HttpRequestsInProgress = "http_requests_in_progress";

    /// <summary>Gauge {operation}: queries running now, for operations timed with <see cref="MetricsTimerAttribute.TrackInProgress"/>.</summary>
    public const string DatabaseQueriesInProgress = "database_queries_in_progress";

    /// <summary>Gauge {method}: Bot API requests running now, for operations timed with <see cref="MetricsTimerAttribute.TrackInProgress"/>.</summary>
    public const string TelegramApiRequestsInProgress = "telegram_api_requests_in_progress";

    /// <summary>Gauge {task_name}: task runs running now, for operations timed with <see cref="MetricsTimerAttribute.TrackInProgress"/>.</summary>
    public const string BackgroundTasksInProgress = "background_tasks_in_progress";

    /// <summary>Gauge (1) {version, environment}.</summary>
    public const string AppInfo = "app_info";

    /// <summary>Gauge.</summary>
    public const string BotChannels = "bot_channels";

    /// <summary>Gauge.</summary>
    public const string BotUsers = "bot_users";

    /// <summary>Gauge.</summary>
    public const string BotScheduledPosts = "bot_scheduled_posts";

    /// <summary>Counter {status}.</summary>
    public const string BotPostsSent = "bot_posts_sent_total";

    /// <summary>Counter.</summary>
    public const string BotPostViewsUpdates = "bot_post_views_updates_total";

    /// <summary>Gauge (1 healthy, 0 not) {check_name}.</summary>
    public const string HealthCheckStatus = "health_check_status";

    /// <summary>Gauge, percent.</summary>
    public const string SystemMemoryUsage = "system_memory_usage_percent";

    /// <summary>Gauge, percent.</summary>
    public const string SystemCpuUsage = "system_cpu_usage_percent";

    /// <summary>Gauge, percent.</summary>
    public const string SystemDiskUsage = "system_disk_usage_percent";

    /// <summary>Self-metric: counter {backend} of failed backend calls, counted by the healthy backends.</summary>
    public const string BackendErrors = "metrics_backend_errors_total";

    /// <summary>
    /// Self-metric: counter {backend} of recordings a backend accepted and then lost (such as StatsD's
    /// <c>DroppedCount</c>), counted by the other backends.
    /// </summary>
    public const string BackendDropped = MultiMetricsBackend.DroppedMetricName;

    /// <summary>Self-metric: counter {metric} of recordings folded into an overflow series.</summary>
    public const string CardinalityOverflow = MetricsBackend.OverflowMetricName;

    /// <summary>Self-metric: counter {metric} of values dropped because their metric cannot record them.</summary>
    public const string InvalidValues = MetricsBackend.InvalidValuesMetricName;
}
