namespace Interception.Metrics;

/// <summary>
/// What a timed method does; routes its measurements to the matching catalogue metrics.
/// </summary>
public enum MetricKind
{
    /// <summary>Any function: <c>function_calls_total</c> and <c>function_duration_seconds</c>.</summary>
    Function,

    /// <summary>An HTTP request: <c>http_requests_total</c> and <c>http_request_duration_seconds</c>.</summary>
    Http,

    /// <summary>A database query: <c>database_queries_total</c> and <c>database_query_duration_seconds</c>.</summary>
    Database,

    /// <summary>A Telegram Bot API call: <c>telegram_api_requests_total</c> and <c>telegram_api_request_duration_seconds</c>.</summary>
    TelegramApi,

    /// <summary>A background task: <c>background_tasks_total</c> and <c>background_task_duration_seconds</c>.</summary>
    BackgroundTask,
}
