namespace Interception.Metrics.Prometheus.Tests.TestSupport;

/// <summary>
/// Drives every recording method of the collector services, every <see cref="MetricKind"/> through
/// <see cref="MetricsCollectorService.BindOperation"/> (successes, failures, cancellations, constant labels) and
/// hostile label values, lone surrogates and invalid values, and returns the samples that must come out. Durations are binary fractions, so sums are exact.
/// </summary>
internal static class MixedWorkload
{
    /// <summary>A label value with quotes, backslashes, a newline, non-ASCII letters, an emoji and exposition syntax.</summary>
    public const string HostileName = "say \"hi\" \\ back\\slash\nnew line — ünïcødé 日本 🚀 {a=\"b\"},";

    /// <summary>A hostile constant label value.</summary>
    public const string HostileConstant = "q\"uo\\te\n😀";

    public static IReadOnlyList<ExpectedSample> Run(IMetricsBackend backend)
    {
        var collector = new MetricsCollectorService(backend);
        var business = new BusinessMetricsService(backend);
        var health = new HealthCheckService(backend);
        var expected = new List<ExpectedSample>();
        void Expect(string metric, double value, params (string Name, string Value)[] labels) =>
            expected.Add(new ExpectedSample(metric, labels.ToDictionary(l => l.Name, l => l.Value, StringComparer.Ordinal), value));

        // Record* methods of the collector.
        Repeat(3, () => collector.RecordHttpRequest(new HttpRequestMetric("GET", "/api/users", 200, Seconds(0.125))));
        collector.RecordHttpRequest(new HttpRequestMetric("POST", "/api/users", 500, Seconds(0.25)));
        Expect("http_requests_total", 3, ("method", "GET"), ("endpoint", "/api/users"), ("status", "200"));
        Expect("http_requests_total", 1, ("method", "POST"), ("endpoint", "/api/users"), ("status", "500"));
        Expect("http_request_duration_seconds_count", 3, ("method", "GET"), ("endpoint", "/api/users"));
        Expect("http_request_duration_seconds_sum", 0.375, ("method", "GET"), ("endpoint", "/api/users"));
        Expect("http_request_duration_seconds_bucket", 0, ("method", "GET"), ("endpoint", "/api/users"), ("le", "0.1"));
        Expect("http_request_duration_seconds_bucket", 3, ("method", "GET"), ("endpoint", "/api/users"), ("le", "0.25"));
        Expect("http_request_duration_seconds_bucket", 1, ("method", "POST"), ("endpoint", "/api/users"), ("le", "+Inf"));

        Repeat(2, () => collector.RecordTelegramApiRequest(new TelegramApiMetric("sendMessage", "success", Seconds(0.0625))));
        collector.RecordTelegramApiRequest(new TelegramApiMetric("getUpdates", "failed", Seconds(1.5)));
        Expect("telegram_api_requests_total", 2, ("method", "sendMessage"), ("status", "success"));
        Expect("telegram_api_requests_total", 1, ("method", "getUpdates"), ("status", "failed"));
        Expect("telegram_api_request_duration_seconds_sum", 1.5, ("method", "getUpdates"));

        Repeat(4, () => collector.RecordTelegramUpdate(new TelegramUpdateMetric("message", "success")));
        collector.RecordTelegramUpdate(new TelegramUpdateMetric("callback_query", "failed"));
        collector.RecordTelegramUpdate(new TelegramUpdateMetric(HostileName, "success"));
        Expect("telegram_updates_total", 4, ("update_type", "message"), ("status", "success"));
        Expect("telegram_updates_total", 1, ("update_type", "callback_query"), ("status", "failed"));
        Expect("telegram_updates_total", 1, ("update_type", HostileName), ("status", "success"));

        Repeat(5, () => collector.RecordDatabaseQuery(new DatabaseQueryMetric("select", "success", Seconds(0.015625))));
        collector.RecordDatabaseQuery(new DatabaseQueryMetric("insert", "failed", Seconds(0.5)));
        Expect("database_queries_total", 5, ("operation", "select"), ("status", "success"));
        Expect("database_queries_total", 1, ("operation", "insert"), ("status", "failed"));
        Expect("database_query_duration_seconds_count", 5, ("operation", "select"));
        Expect("database_query_duration_seconds_sum", 0.078125, ("operation", "select"));

        collector.RecordBackgroundTask(new BackgroundTaskMetric("publish_posts", "success", Seconds(2)));
        collector.RecordBackgroundTask(new BackgroundTaskMetric("cleanup", "failed", Seconds(0.75)));
        Expect("background_tasks_total", 1, ("task_name", "publish_posts"), ("status", "success"));
        Expect("background_tasks_total", 1, ("task_name", "cleanup"), ("status", "failed"));
        Expect("background_task_duration_seconds_sum", 2, ("task_name", "publish_posts"));

        collector.UpdateDatabaseConnections(7);
        collector.UpdateBackgroundWorkers(3);
        collector.SetAppInfo("1.2.3", "test");
        collector.SetAppInfo("1.2.4", "test");
        Expect("database_connections_active", 7);
        Expect("background_workers_active", 3);
        Expect("app_info", 0, ("version", "1.2.3"), ("environment", "test"));
        Expect("app_info", 1, ("version", "1.2.4"), ("environment", "test"));

        // Bound operations, one per kind, as the interceptor records them.
        var function = collector.BindOperation(MetricKind.Function, "OrderService.Place", [new("team", "payments")]);
        Repeat(2, () => function.Record(OperationStatus.Success, Seconds(0.125)));
        function.Record(OperationStatus.Failed, Seconds(0.25));
        function.Record(OperationStatus.Canceled, Seconds(0.5));
        Expect("function_calls_total", 3, ("function", "OrderService.Place"), ("status", "success"), ("team", "payments"));
        Expect("function_calls_total", 1, ("function", "OrderService.Place"), ("status", "failed"), ("team", "payments"));
        Expect("function_calls_total", 1, ("function", "OrderService.Place"), ("status", "canceled"), ("team", "payments"));
        Expect("function_duration_seconds_count", 4, ("function", "OrderService.Place"), ("team", "payments"));
        Expect("function_duration_seconds_sum", 1, ("function", "OrderService.Place"), ("team", "payments"));

        var http = collector.BindOperation(MetricKind.Http, "/orders", httpMethod: "POST");
        http.Record(OperationStatus.Success, Seconds(0.125));
        http.Record(OperationStatus.Failed, Seconds(0.25));
        http.Record(OperationStatus.Canceled, Seconds(0.25));
        http.RecordStatusCode(404, Seconds(0.125));
        Expect("http_requests_total", 1, ("method", "POST"), ("endpoint", "/orders"), ("status", "200"));
        Expect("http_requests_total", 1, ("method", "POST"), ("endpoint", "/orders"), ("status", "500"));
        Expect("http_requests_total", 1, ("method", "POST"), ("endpoint", "/orders"), ("status", "499"));
        Expect("http_requests_total", 1, ("method", "POST"), ("endpoint", "/orders"), ("status", "404"));
        Expect("http_request_duration_seconds_count", 4, ("method", "POST"), ("endpoint", "/orders"));

        var database = collector.BindOperation(MetricKind.Database, "orders.select");
        database.Record(OperationStatus.Success, Seconds(0.03125));
        database.Record(OperationStatus.Failed, Seconds(0.03125));
        Expect("database_queries_total", 1, ("operation", "orders.select"), ("status", "success"));
        Expect("database_queries_total", 1, ("operation", "orders.select"), ("status", "failed"));

        var telegram = collector.BindOperation(MetricKind.TelegramApi, "sendPhoto");
        Repeat(2, () => telegram.Record(OperationStatus.Failed, Seconds(0.25)));
        Expect("telegram_api_requests_total", 2, ("method", "sendPhoto"), ("status", "failed"));
        Expect("telegram_api_request_duration_seconds_count", 2, ("method", "sendPhoto"));

        var task = collector.BindOperation(MetricKind.BackgroundTask, "nightly_report");
        task.Record(OperationStatus.Success, Seconds(4));
        task.Record(OperationStatus.Canceled, Seconds(1));
        Expect("background_tasks_total", 1, ("task_name", "nightly_report"), ("status", "success"));
        Expect("background_tasks_total", 1, ("task_name", "nightly_report"), ("status", "canceled"));
        Expect("background_task_duration_seconds_sum", 5, ("task_name", "nightly_report"));

        var hostile = collector.BindOperation(MetricKind.Function, HostileName, [new("env", HostileConstant)]);
        Repeat(2, () => hostile.Record(OperationStatus.Failed, Seconds(0.5)));
        hostile.Record(OperationStatus.Success, Seconds(0.5));
        Expect("function_calls_total", 2, ("function", HostileName), ("status", "failed"), ("env", HostileConstant));
        Expect("function_calls_total", 1, ("function", HostileName), ("status", "success"), ("env", HostileConstant));
        Expect("function_duration_seconds_sum", 1.5, ("function", HostileName), ("env", HostileConstant));

        // Business and health services on the same backend.
        business.UpdateBusinessMetrics(new BusinessMetrics(12, 345, 6));
        Repeat(2, () => business.RecordPostSent());
        business.RecordPostSent("failed");
        business.RecordPostViewsUpdate();
        Expect("bot_channels", 12);
        Expect("bot_users", 345);
        Expect("bot_scheduled_posts", 6);
        Expect("bot_posts_sent_total", 2, ("status", "success"));
        Expect("bot_posts_sent_total", 1, ("status", "failed"));
        Expect("bot_post_views_updates_total", 1);

        health.UpdateHealthChecks([new HealthCheckResult("database", true), new HealthCheckResult("telegram", false, "timeout")]);
        Expect("health_check_status", 1, ("check_name", "database"));
        Expect("health_check_status", 0, ("check_name", "telegram"));

        // Label values cut inside an emoji (lone surrogates) render alike: one series with the exact total.
        collector.RecordHttpRequest(new HttpRequestMetric("GET", "/cut\uD800", 200, Seconds(0.125)));
        Repeat(2, () => collector.RecordHttpRequest(new HttpRequestMetric("GET", "/cut\uD801", 200, Seconds(0.125))));
        Repeat(4, () => collector.RecordHttpRequest(new HttpRequestMetric("GET", "/cut\uDFFF", 200, Seconds(0.125))));
        Expect("http_requests_total", 7, ("method", "GET"), ("endpoint", "/cut\uFFFD"), ("status", "200"));
        Expect("http_request_duration_seconds_count", 7, ("method", "GET"), ("endpoint", "/cut\uFFFD"));

        // Invalid values are dropped and counted: the request counts, its negative duration does not.
        collector.RecordHttpRequest(new HttpRequestMetric("GET", "/clock-skew", 200, Seconds(-5)));
        collector.RecordHttpRequest(new HttpRequestMetric("GET", "/clock-skew", 200, TimeSpan.MinValue));
        collector.RecordHttpRequest(new HttpRequestMetric("GET", "/clock-skew", 200, Seconds(0.25)));
        function.Record(OperationStatus.Success, Seconds(-1));
        Expect("http_requests_total", 3, ("method", "GET"), ("endpoint", "/clock-skew"), ("status", "200"));
        Expect("http_request_duration_seconds_count", 1, ("method", "GET"), ("endpoint", "/clock-skew"));
        Expect("http_request_duration_seconds_sum", 0.25, ("method", "GET"), ("endpoint", "/clock-skew"));
        Expect("metrics_invalid_values_total", 2, ("metric", "http_request_duration_seconds"));
        Expect("metrics_invalid_values_total", 1, ("metric", "function_duration_seconds"));

        return expected;
    }

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(seconds);

    private static void Repeat(int times, Action action)
    {
        for (var i = 0; i < times; i++)
        {
            action();
        }
    }
}
