using Moq;

namespace Interception.Metrics.Tests.Collection;

/// <summary>The catalogue of DESIGN.md, declared by the four services: names, types and labels are a contract.</summary>
public class MetricCatalogueTests
{
    public static TheoryData<string, MetricType, string[]> Catalogue => new()
    {
        { "function_calls_total", MetricType.Counter, ["function", "status"] },
        { "function_duration_seconds", MetricType.Histogram, ["function"] },
        { "http_requests_total", MetricType.Counter, ["method", "endpoint", "status"] },
        { "http_request_duration_seconds", MetricType.Histogram, ["method", "endpoint"] },
        { "telegram_api_requests_total", MetricType.Counter, ["method", "status"] },
        { "telegram_api_request_duration_seconds", MetricType.Histogram, ["method"] },
        { "telegram_updates_total", MetricType.Counter, ["update_type", "status"] },
        { "database_queries_total", MetricType.Counter, ["operation", "status"] },
        { "database_query_duration_seconds", MetricType.Histogram, ["operation"] },
        { "database_connections_active", MetricType.Gauge, [] },
        { "background_tasks_total", MetricType.Counter, ["task_name", "status"] },
        { "background_task_duration_seconds", MetricType.Histogram, ["task_name"] },
        { "background_workers_active", MetricType.Gauge, [] },
        { "app_info", MetricType.Gauge, ["version", "environment"] },
        { "bot_channels", MetricType.Gauge, [] },
        { "bot_users", MetricType.Gauge, [] },
        { "bot_scheduled_posts", MetricType.Gauge, [] },
        { "bot_posts_sent_total", MetricType.Counter, ["status"] },
        { "bot_post_views_updates_total", MetricType.Counter, [] },
        { "health_check_status", MetricType.Gauge, ["check_name"] },
        { "system_memory_usage_percent", MetricType.Gauge, [] },
        { "system_cpu_usage_percent", MetricType.Gauge, [] },
        { "system_disk_usage_percent", MetricType.Gauge, [] },
    };

    [Theory]
    [MemberData(nameof(Catalogue))]
    public void Services_Constructed_DeclareCatalogueMetricWithContractTypeAndLabels(string name, MetricType type, string[] labels)
    {
        var memory = CreateAllServices();

        var definition = Assert.Single(memory.Definitions, d => d.Name == name);

        Assert.Equal(type, definition.Type);
        Assert.Equal(labels, definition.LabelNames!);
        Assert.False(string.IsNullOrWhiteSpace(definition.Description));
    }

    [Fact]
    public void Services_Constructed_DeclareNothingBeyondTheCatalogueAndSelfMetrics()
    {
        var memory = CreateAllServices();
        var expected = Catalogue.Select(row => (string)row[0]).Append(MetricNames.BackendErrors);

        Assert.Equal(expected.Order(StringComparer.Ordinal), memory.Definitions.Select(d => d.Name).Order(StringComparer.Ordinal));
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

        Assert.Equal(Catalogue.Select(row => (string)row[0]), constants);
    }

    private static InMemoryMetricsBackend CreateAllServices()
    {
        var memory = new InMemoryMetricsBackend();
        var provider = new Mock<ISystemMetricsProvider>();
        _ = new MetricsCollectorService(memory);
        _ = new BusinessMetricsService(memory);
        _ = new HealthCheckService(memory);
        _ = new SystemMetricsService(memory, provider.Object);
        return memory;
    }
}
