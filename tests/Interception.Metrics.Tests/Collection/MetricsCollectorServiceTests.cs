using Interception.Metrics.Tests.TestSupport;

namespace Interception.Metrics.Tests.Collection;

public class MetricsCollectorServiceTests
{
    private readonly InMemoryMetricsBackend _memory = new();
    private readonly MetricsCollectorService _collector;

    public MetricsCollectorServiceTests()
    {
        _collector = new MetricsCollectorService(_memory);
    }

    [Fact]
    public void RecordHttpRequest_WritesRequestCounterWithStatusCodeAndDurationHistogram()
    {
        _collector.RecordHttpRequest(new HttpRequestMetric("POST", "/api/posts", 201, TimeSpan.FromMilliseconds(250)));
        _collector.RecordHttpRequest(new HttpRequestMetric("POST", "/api/posts", 201, TimeSpan.FromMilliseconds(750)));
        _collector.RecordHttpRequest(new HttpRequestMetric("POST", "/api/posts", 503, TimeSpan.FromSeconds(2)));

        Assert.Equal(2, _memory.GetCounter("http_requests_total", ("method", "POST"), ("endpoint", "/api/posts"), ("status", "201")));
        Assert.Equal(1, _memory.GetCounter("http_requests_total", ("method", "POST"), ("endpoint", "/api/posts"), ("status", "503")));
        var duration = _memory.GetHistogram("http_request_duration_seconds", ("method", "POST"), ("endpoint", "/api/posts"));
        Assert.Equal(3, duration.Count);
        Assert.Equal(3, duration.Sum);
        Assert.Equal(0.25, duration.Min);
        Assert.Equal(2, duration.Max);
    }

    [Fact]
    public void RecordTelegramApiRequest_WritesCounterByMethodAndStatusAndHistogramByMethod()
    {
        _collector.RecordTelegramApiRequest(new TelegramApiMetric("sendMessage", "success", TimeSpan.FromMilliseconds(125)));
        _collector.RecordTelegramApiRequest(new TelegramApiMetric("sendMessage", "failed", TimeSpan.FromMilliseconds(375)));

        Assert.Equal(1, _memory.GetCounter("telegram_api_requests_total", ("method", "sendMessage"), ("status", "success")));
        Assert.Equal(1, _memory.GetCounter("telegram_api_requests_total", ("method", "sendMessage"), ("status", "failed")));
        var duration = _memory.GetHistogram("telegram_api_request_duration_seconds", ("method", "sendMessage"));
        Assert.Equal(2, duration.Count);
        Assert.Equal(0.5, duration.Sum);
    }

    [Fact]
    public void RecordTelegramUpdate_WritesCounterByUpdateTypeAndStatus()
    {
        _collector.RecordTelegramUpdate(new TelegramUpdateMetric("callback_query", "success"));
        _collector.RecordTelegramUpdate(new TelegramUpdateMetric("callback_query", "success"));
        _collector.RecordTelegramUpdate(new TelegramUpdateMetric("message", "failed"));

        Assert.Equal(2, _memory.GetCounter("telegram_updates_total", ("update_type", "callback_query"), ("status", "success")));
        Assert.Equal(1, _memory.GetCounter("telegram_updates_total", ("update_type", "message"), ("status", "failed")));
    }

    [Fact]
    public void RecordDatabaseQuery_WritesCounterByOperationAndStatusAndHistogramByOperation()
    {
        _collector.RecordDatabaseQuery(new DatabaseQueryMetric("select_channels", "success", TimeSpan.FromMilliseconds(5)));

        Assert.Equal(1, _memory.GetCounter("database_queries_total", ("operation", "select_channels"), ("status", "success")));
        var duration = _memory.GetHistogram("database_query_duration_seconds", ("operation", "select_channels"));
        Assert.Equal(1, duration.Count);
        Assert.Equal(0.005, duration.Sum, 12);
    }

    [Fact]
    public void RecordBackgroundTask_WritesCounterByTaskNameAndStatusAndHistogramByTaskName()
    {
        _collector.RecordBackgroundTask(new BackgroundTaskMetric("publish_scheduled_posts", "failed", TimeSpan.FromSeconds(4)));

        Assert.Equal(1, _memory.GetCounter("background_tasks_total", ("task_name", "publish_scheduled_posts"), ("status", "failed")));
        var duration = _memory.GetHistogram("background_task_duration_seconds", ("task_name", "publish_scheduled_posts"));
        Assert.Equal(1, duration.Count);
        Assert.Equal(4, duration.Sum);
    }

    [Fact]
    public void UpdateDatabaseConnections_SetsGaugeToLatestValue()
    {
        _collector.UpdateDatabaseConnections(5);
        _collector.UpdateDatabaseConnections(3);

        Assert.Equal(3, _memory.GetGauge("database_connections_active"));
    }

    [Fact]
    public void UpdateBackgroundWorkers_SetsGaugeToLatestValue()
    {
        _collector.UpdateBackgroundWorkers(8);
        _collector.UpdateBackgroundWorkers(0);

        Assert.Equal(0, _memory.GetGauge("background_workers_active"));
    }

    [Fact]
    public void SetAppInfo_First_SetsPairToOne()
    {
        _collector.SetAppInfo("1.0.0", "production");

        Assert.Equal(1, _memory.GetGauge("app_info", ("version", "1.0.0"), ("environment", "production")));
    }

    [Fact]
    public void SetAppInfo_NewPair_SetsPreviousPairToZeroAndNewPairToOne()
    {
        _collector.SetAppInfo("1.0.0", "production");

        _collector.SetAppInfo("1.1.0", "production");

        Assert.Equal(0, _memory.GetGauge("app_info", ("version", "1.0.0"), ("environment", "production")));
        Assert.Equal(1, _memory.GetGauge("app_info", ("version", "1.1.0"), ("environment", "production")));
    }

    [Fact]
    public void SetAppInfo_SamePairAgain_StaysOne()
    {
        _collector.SetAppInfo("1.0.0", "staging");
        _collector.SetAppInfo("1.0.0", "staging");

        Assert.Equal(1, _memory.GetGauge("app_info", ("version", "1.0.0"), ("environment", "staging")));
        Assert.Single(_memory.GetSamples("app_info"));
    }

    [Fact]
    public void SetAppInfo_BackAndForth_OnlyCurrentPairIsOne()
    {
        _collector.SetAppInfo("1", "a");
        _collector.SetAppInfo("2", "a");
        _collector.SetAppInfo("1", "a");

        Assert.Equal(1, _memory.GetGauge("app_info", ("version", "1"), ("environment", "a")));
        Assert.Equal(0, _memory.GetGauge("app_info", ("version", "2"), ("environment", "a")));
    }

    [Fact]
    public void RecordMethods_NullModel_ThrowArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => _collector.RecordHttpRequest(null!));
        Assert.Throws<ArgumentNullException>(() => _collector.RecordTelegramApiRequest(null!));
        Assert.Throws<ArgumentNullException>(() => _collector.RecordTelegramUpdate(null!));
        Assert.Throws<ArgumentNullException>(() => _collector.RecordDatabaseQuery(null!));
        Assert.Throws<ArgumentNullException>(() => _collector.RecordBackgroundTask(null!));
        Assert.Throws<ArgumentNullException>(() => _collector.SetAppInfo(null!, "x"));
    }

    [Fact]
    public void EveryMethod_BackendThrowsFromEverything_NeverSurfaces()
    {
        var failing = new ThrowingMetricsBackend(failBind: false);

        var exception = Record.Exception(() =>
        {
            var collector = new MetricsCollectorService(failing);
            collector.RecordHttpRequest(new HttpRequestMetric("GET", "/", 200, TimeSpan.FromSeconds(1)));
            collector.RecordTelegramApiRequest(new TelegramApiMetric("getMe", "success", TimeSpan.FromSeconds(1)));
            collector.RecordTelegramUpdate(new TelegramUpdateMetric("message", "success"));
            collector.RecordDatabaseQuery(new DatabaseQueryMetric("select", "success", TimeSpan.FromSeconds(1)));
            collector.RecordBackgroundTask(new BackgroundTaskMetric("job", "success", TimeSpan.FromSeconds(1)));
            collector.UpdateDatabaseConnections(1);
            collector.UpdateBackgroundWorkers(1);
            collector.SetAppInfo("1", "test");
            collector.SetAppInfo("2", "test");
            var operation = collector.BindOperation(MetricKind.Http, "/x");
            operation.Record(OperationStatus.Success, TimeSpan.FromSeconds(1));
            operation.RecordStatusCode(404, TimeSpan.FromSeconds(1));
            _ = collector.GetMetricsOutput();
        });

        Assert.Null(exception);
        Assert.True(failing.Calls > 10);
    }

    [Fact]
    public void EveryMethod_BackendThrowsFromBind_NeverSurfaces()
    {
        var exception = Record.Exception(() =>
        {
            var collector = new MetricsCollectorService(new ThrowingMetricsBackend(failBind: true));
            collector.RecordHttpRequest(new HttpRequestMetric("GET", "/", 200, TimeSpan.FromSeconds(1)));
            collector.UpdateDatabaseConnections(1);
            collector.BindOperation(MetricKind.Function, "f").Record(OperationStatus.Failed, TimeSpan.Zero);
        });

        Assert.Null(exception);
    }

    [Theory]
    [InlineData(-50_000_000L)]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    public void RecordMethods_NegativeDuration_CallCountedObservationDroppedAndCounted(long ticks)
    {
        var duration = TimeSpan.FromTicks(ticks);

        var exception = Record.Exception(() =>
        {
            _collector.RecordHttpRequest(new HttpRequestMetric("GET", "/", 200, duration));
            _collector.RecordTelegramApiRequest(new TelegramApiMetric("getMe", "success", duration));
            _collector.RecordDatabaseQuery(new DatabaseQueryMetric("select", "success", duration));
            _collector.RecordBackgroundTask(new BackgroundTaskMetric("job", "success", duration));
            _collector.BindOperation(MetricKind.Function, "f").Record(OperationStatus.Success, duration);
        });

        Assert.Null(exception);
        Assert.Equal(1, _memory.GetCounter("http_requests_total", ("method", "GET"), ("endpoint", "/"), ("status", "200")));
        Assert.Equal(1, _memory.GetCounter("function_calls_total", ("function", "f"), ("status", "success")));
        string[] histograms =
        [
            "http_request_duration_seconds", "telegram_api_request_duration_seconds", "database_query_duration_seconds",
            "background_task_duration_seconds", "function_duration_seconds",
        ];
        foreach (var histogram in histograms)
        {
            Assert.All(_memory.GetSamples(histogram), sample => Assert.Equal((0L, 0.0), (sample.Count, sample.Sum)));
            Assert.Equal(1, _memory.GetCounter("metrics_invalid_values_total", ("metric", histogram)));
        }
    }

    [Fact]
    public void Constructor_MultiBackendGiven_UsesItAsIs()
    {
        var multi = new MultiMetricsBackend([_memory]);

        var collector = new MetricsCollectorService(multi);

        Assert.Same(multi, collector.Backend);
    }

    [Fact]
    public void Constructor_CustomBuckets_DeclaresEveryDurationHistogramWithThem()
    {
        var memory = new InMemoryMetricsBackend();

        var collector = new MetricsCollectorService(memory, [0.5, 1, 5]);
        Assert.Equal(4, memory.Definitions.Count(d => d.Type == MetricType.Histogram));
        collector.RecordTelegramApiRequest(new TelegramApiMetric("getMe", "success", TimeSpan.FromSeconds(1)));

        var histograms = memory.Definitions.Where(d => d.Type == MetricType.Histogram).ToList();
        Assert.Equal(5, histograms.Count);
        Assert.All(histograms, d => Assert.Equal([0.5, 1, 5], d.Buckets!));
    }

    [Fact]
    public void Constructor_DefaultBuckets_AreTheCatalogueDefaults()
    {
        var histogram = Assert.Single(_memory.Definitions, d => d.Name == "http_request_duration_seconds");

        Assert.Equal(MetricCatalogue.DefaultBuckets, histogram.Buckets!);
    }

    [Fact]
    public void Constructor_InvalidBuckets_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => new MetricsCollectorService(new InMemoryMetricsBackend(), [1, 0.5]));

        Assert.Contains("0.5 follows 1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetMetricsOutput_NoExposingBackend_ReturnsEmptyAndDefaultContentType()
    {
        Assert.Equal(string.Empty, _collector.GetMetricsOutput());
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", _collector.ContentType);
    }

    [Fact]
    public void GetMetricsOutput_ExposingBackendAmongChildren_ReturnsItsTextAndContentType()
    {
        var exposing = new ExposingMetricsBackend("# metrics here\n", "application/openmetrics-text");
        var collector = new MetricsCollectorService(new MultiMetricsBackend([new InMemoryMetricsBackend(), exposing]));

        Assert.Equal("# metrics here\n", collector.GetMetricsOutput());
        Assert.Equal("application/openmetrics-text", collector.ContentType);
    }
}
