using Moq;

namespace Interception.Metrics.Tests.Collection;

/// <summary>
/// The catalogue of DESIGN.md: names, types and labels are a contract. The generic part and the self-metrics are
/// declared when the services are constructed; the Telegram-bot part only when an application uses it.
/// </summary>
public class MetricCatalogueTests
{
    /// <summary>The generic part: declared when the services are constructed.</summary>
    public static TheoryData<string, MetricType, string[]> Generic => new()
    {
        { "function_calls_total", MetricType.Counter, ["function", "status"] },
        { "function_duration_seconds", MetricType.Histogram, ["function"] },
        { "http_requests_total", MetricType.Counter, ["method", "endpoint", "status"] },
        { "http_request_duration_seconds", MetricType.Histogram, ["method", "endpoint"] },
        { "database_queries_total", MetricType.Counter, ["operation", "status"] },
        { "database_query_duration_seconds", MetricType.Histogram, ["operation"] },
        { "database_connections_active", MetricType.Gauge, [] },
        { "background_tasks_total", MetricType.Counter, ["task_name", "status"] },
        { "background_task_duration_seconds", MetricType.Histogram, ["task_name"] },
        { "background_workers_active", MetricType.Gauge, [] },
        { "app_info", MetricType.Gauge, ["version", "environment"] },
        { "health_check_status", MetricType.Gauge, ["check_name"] },
        { "system_memory_usage_percent", MetricType.Gauge, [] },
        { "system_cpu_usage_percent", MetricType.Gauge, [] },
        { "system_disk_usage_percent", MetricType.Gauge, [] },
    };

    /// <summary>The self-metrics: declared with the generic part.</summary>
    public static TheoryData<string, MetricType, string[]> SelfMetrics => new()
    {
        { "metrics_backend_errors_total", MetricType.Counter, ["backend"] },
        { "metrics_backend_dropped_total", MetricType.Counter, ["backend"] },
        { "metrics_cardinality_overflow_total", MetricType.Counter, ["metric"] },
        { "metrics_invalid_values_total", MetricType.Counter, ["metric"] },
    };

    /// <summary>The Telegram-bot part: declared only when an application uses it.</summary>
    public static TheoryData<string, MetricType, string[]> TelegramBot => new()
    {
        { "telegram_api_requests_total", MetricType.Counter, ["method", "status"] },
        { "telegram_api_request_duration_seconds", MetricType.Histogram, ["method"] },
        { "telegram_updates_total", MetricType.Counter, ["update_type", "status"] },
        { "bot_channels", MetricType.Gauge, [] },
        { "bot_users", MetricType.Gauge, [] },
        { "bot_scheduled_posts", MetricType.Gauge, [] },
        { "bot_posts_sent_total", MetricType.Counter, ["status"] },
        { "bot_post_views_updates_total", MetricType.Counter, [] },
    };

    /// <summary>Each way an application uses the Telegram-bot part, and the metrics that use declares.</summary>
    public static TheoryData<string, string[]> TelegramBotUses => new()
    {
        { "BindOperation(TelegramApi)", ["telegram_api_requests_total", "telegram_api_request_duration_seconds", "telegram_updates_total"] },
        { "RecordTelegramApiRequest", ["telegram_api_requests_total", "telegram_api_request_duration_seconds", "telegram_updates_total"] },
        { "RecordTelegramUpdate", ["telegram_api_requests_total", "telegram_api_request_duration_seconds", "telegram_updates_total"] },
        { "UpdateBusinessMetrics", ["bot_channels", "bot_users", "bot_scheduled_posts", "bot_posts_sent_total", "bot_post_views_updates_total"] },
        { "RecordPostSent", ["bot_channels", "bot_users", "bot_scheduled_posts", "bot_posts_sent_total", "bot_post_views_updates_total"] },
        { "RecordPostViewsUpdate", ["bot_channels", "bot_users", "bot_scheduled_posts", "bot_posts_sent_total", "bot_post_views_updates_total"] },
        { "UpdateChannelsCount", ["bot_channels", "bot_users", "bot_scheduled_posts", "bot_posts_sent_total", "bot_post_views_updates_total"] },
        { "UpdateUsersCount", ["bot_channels", "bot_users", "bot_scheduled_posts", "bot_posts_sent_total", "bot_post_views_updates_total"] },
        { "UpdateScheduledPostsCount", ["bot_channels", "bot_users", "bot_scheduled_posts", "bot_posts_sent_total", "bot_post_views_updates_total"] },
    };

    [Theory]
    [MemberData(nameof(Generic))]
    [MemberData(nameof(SelfMetrics))]
    public void Services_Constructed_DeclareGenericMetricWithContractTypeAndLabels(string name, MetricType type, string[] labels)
    {
        var (memory, _, _) = CreateAllServices();

        AssertDeclared(memory, name, type, labels);
    }

    [Fact]
    public void Services_Constructed_DeclareExactlyTheGenericPartAndTheSelfMetrics()
    {
        var (memory, _, _) = CreateAllServices();
        var expected = Generic.Concat(SelfMetrics).Select(row => (string)row[0]);

        Assert.Equal(expected.Order(StringComparer.Ordinal), memory.Definitions.Select(d => d.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TelegramBotUses))]
    public void TelegramBotPart_FirstUse_DeclaresItsMetricsWithContractTypesAndLabels(string use, string[] declared)
    {
        var (memory, collector, business) = CreateAllServices();

        Use(use, collector, business);

        var contract = TelegramBot.ToDictionary(row => (string)row[0], row => ((MetricType)row[1], (string[])row[2]));
        foreach (var name in declared)
        {
            AssertDeclared(memory, name, contract[name].Item1, contract[name].Item2);
        }

        Assert.Equal(
            contract.Keys.Except(declared).Order(StringComparer.Ordinal),
            contract.Keys.Except(memory.Definitions.Select(d => d.Name)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TelegramBotPart_UsedRepeatedly_RecordsEveryUse()
    {
        var (memory, collector, business) = CreateAllServices();

        collector.RecordTelegramUpdate(new TelegramUpdateMetric("message", "success"));
        collector.RecordTelegramUpdate(new TelegramUpdateMetric("message", "success"));
        business.RecordPostSent();
        business.RecordPostSent();
        business.UpdateUsersCount(3);

        Assert.Equal(2, memory.GetCounter(MetricNames.TelegramUpdates, ("update_type", "message"), ("status", "success")));
        Assert.Equal(2, memory.GetCounter(MetricNames.BotPostsSent, ("status", "success")));
        Assert.Equal(3, memory.GetGauge(MetricNames.BotUsers));
    }

    [Fact]
    public void MetricCatalogue_Parts_MatchTheContract()
    {
        var generic = MetricCatalogue.Collector().Concat(MetricCatalogue.Health).Concat(MetricCatalogue.System).Concat(MetricCatalogue.SelfMetrics);
        var telegramBot = MetricCatalogue.Telegram().Concat(MetricCatalogue.Business);

        Assert.Equal(
            Generic.Concat(SelfMetrics).Select(row => (string)row[0]).Order(StringComparer.Ordinal),
            generic.Select(d => d.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            TelegramBot.Select(row => (string)row[0]).Order(StringComparer.Ordinal),
            telegramBot.Select(d => d.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void MetricNames_Constants_MatchTheCatalogue()
    {
        string[] constants =
        [
            MetricNames.FunctionCalls, MetricNames.FunctionDuration, MetricNames.HttpRequests, MetricNames.HttpRequestDuration,
            MetricNames.TelegramApiRequests, MetricNames.TelegramApiRequestDuration, MetricNames.TelegramUpdates,
            MetricNames.DatabaseQueries, MetricNames.DatabaseQueryDuration, MetricNames.DatabaseConnectionsActive,
            MetricNames.BackgroundTasks, MetricNames.BackgroundTaskDuration, MetricNames.BackgroundWorkersActive, MetricNames.AppInfo,
            MetricNames.BotChannels, MetricNames.BotUsers, MetricNames.BotScheduledPosts, MetricNames.BotPostsSent,
            MetricNames.BotPostViewsUpdates, MetricNames.HealthCheckStatus, MetricNames.SystemMemoryUsage, MetricNames.SystemCpuUsage,
            MetricNames.SystemDiskUsage,
        ];

        string[] contract =
        [
            "function_calls_total", "function_duration_seconds", "http_requests_total", "http_request_duration_seconds",
            "telegram_api_requests_total", "telegram_api_request_duration_seconds", "telegram_updates_total",
            "database_queries_total", "database_query_duration_seconds", "database_connections_active",
            "background_tasks_total", "background_task_duration_seconds", "background_workers_active", "app_info",
            "bot_channels", "bot_users", "bot_scheduled_posts", "bot_posts_sent_total", "bot_post_views_updates_total",
            "health_check_status", "system_memory_usage_percent", "system_cpu_usage_percent", "system_disk_usage_percent",
        ];

        Assert.Equal(contract, constants);
    }

    private static (InMemoryMetricsBackend Memory, MetricsCollectorService Collector, BusinessMetricsService Business) CreateAllServices()
    {
        var memory = new InMemoryMetricsBackend();
        var provider = new Mock<ISystemMetricsProvider>();
        var collector = new MetricsCollectorService(memory);
        var business = new BusinessMetricsService(memory);
        _ = new HealthCheckService(memory);
        _ = new SystemMetricsService(memory, provider.Object);
        return (memory, collector, business);
    }

    private static void Use(string use, MetricsCollectorService collector, BusinessMetricsService business)
    {
        switch (use)
        {
            case "BindOperation(TelegramApi)": collector.BindOperation(MetricKind.TelegramApi, "sendMessage"); break;
            case "RecordTelegramApiRequest": collector.RecordTelegramApiRequest(new TelegramApiMetric("sendMessage", "success", TimeSpan.FromMilliseconds(5))); break;
            case "RecordTelegramUpdate": collector.RecordTelegramUpdate(new TelegramUpdateMetric("message", "success")); break;
            case "UpdateBusinessMetrics": business.UpdateBusinessMetrics(new BusinessMetrics(1, 2, 3)); break;
            case "RecordPostSent": business.RecordPostSent(); break;
            case "RecordPostViewsUpdate": business.RecordPostViewsUpdate(); break;
            case "UpdateChannelsCount": business.UpdateChannelsCount(1); break;
            case "UpdateUsersCount": business.UpdateUsersCount(1); break;
            case "UpdateScheduledPostsCount": business.UpdateScheduledPostsCount(1); break;
            default: throw new ArgumentOutOfRangeException(nameof(use), use, "Unknown use.");
        }
    }

    private static void AssertDeclared(InMemoryMetricsBackend memory, string name, MetricType type, string[] labels)
    {
        var definition = Assert.Single(memory.Definitions, d => d.Name == name);
        Assert.Equal(type, definition.Type);
        Assert.Equal(labels, definition.LabelNames!);
        Assert.False(string.IsNullOrWhiteSpace(definition.Description));
    }
}
