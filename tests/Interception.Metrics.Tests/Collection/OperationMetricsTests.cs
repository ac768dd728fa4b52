using Microsoft.Extensions.Logging.Abstractions;

namespace Interception.Metrics.Tests.Collection;

/// <summary><see cref="OperationMetrics"/>, obtained from <see cref="MetricsCollectorService.BindOperation"/>.</summary>
public class OperationMetricsTests
{
    private readonly InMemoryMetricsBackend _memory = new();
    private readonly MetricsCollectorService _collector;

    public OperationMetricsTests()
    {
        _collector = new MetricsCollectorService(_memory);
    }

    public static TheoryData<MetricKind, string, string, string> NonHttpKinds => new()
    {
        { MetricKind.Function, "function_calls_total", "function_duration_seconds", "function" },
        { MetricKind.Database, "database_queries_total", "database_query_duration_seconds", "operation" },
        { MetricKind.TelegramApi, "telegram_api_requests_total", "telegram_api_request_duration_seconds", "method" },
        { MetricKind.BackgroundTask, "background_tasks_total", "background_task_duration_seconds", "task_name" },
    };

    [Theory]
    [MemberData(nameof(NonHttpKinds))]
    public void Record_EachStatus_CountsByStatusAndObservesDuration(MetricKind kind, string counter, string histogram, string nameLabel)
    {
        var operation = _collector.BindOperation(kind, "Orders.Place");

        operation.Record(OperationStatus.Success, TimeSpan.FromMilliseconds(100));
        operation.Record(OperationStatus.Success, TimeSpan.FromMilliseconds(200));
        operation.Record(OperationStatus.Failed, TimeSpan.FromMilliseconds(300));
        operation.Record(OperationStatus.Canceled, TimeSpan.FromMilliseconds(400));

        Assert.Equal(2, _memory.GetCounter(counter, (nameLabel, "Orders.Place"), ("status", "success")));
        Assert.Equal(1, _memory.GetCounter(counter, (nameLabel, "Orders.Place"), ("status", "failed")));
        Assert.Equal(1, _memory.GetCounter(counter, (nameLabel, "Orders.Place"), ("status", "canceled")));
        var duration = _memory.GetHistogram(histogram, (nameLabel, "Orders.Place"));
        Assert.Equal(4, duration.Count);
        Assert.Equal(1, duration.Sum, 12);
        Assert.Equal(kind, operation.Kind);
        Assert.Equal("Orders.Place", operation.Name);
    }

    [Theory]
    [MemberData(nameof(NonHttpKinds))]
    public void RecordStatusCode_NonHttpKind_CountsFourHundredsAndAboveAsFailed(MetricKind kind, string counter, string histogram, string nameLabel)
    {
        var operation = _collector.BindOperation(kind, "op");

        operation.RecordStatusCode(200, TimeSpan.FromSeconds(1));
        operation.RecordStatusCode(399, TimeSpan.FromSeconds(1));
        operation.RecordStatusCode(400, TimeSpan.FromSeconds(1));
        operation.RecordStatusCode(503, TimeSpan.FromSeconds(1));

        Assert.Equal(2, _memory.GetCounter(counter, (nameLabel, "op"), ("status", "success")));
        Assert.Equal(2, _memory.GetCounter(counter, (nameLabel, "op"), ("status", "failed")));
        Assert.Equal(4, _memory.GetHistogram(histogram, (nameLabel, "op")).Count);
    }

    [Fact]
    public void Record_HttpKind_RecordsStatusCodes200500And499()
    {
        var operation = _collector.BindOperation(MetricKind.Http, "/api/orders", httpMethod: "POST");

        operation.Record(OperationStatus.Success, TimeSpan.FromMilliseconds(500));
        operation.Record(OperationStatus.Failed, TimeSpan.FromMilliseconds(500));
        operation.Record(OperationStatus.Canceled, TimeSpan.FromMilliseconds(500));
        operation.Record(OperationStatus.Canceled, TimeSpan.FromMilliseconds(500));

        Assert.Equal(1, _memory.GetCounter("http_requests_total", ("method", "POST"), ("endpoint", "/api/orders"), ("status", "200")));
        Assert.Equal(1, _memory.GetCounter("http_requests_total", ("method", "POST"), ("endpoint", "/api/orders"), ("status", "500")));
        Assert.Equal(2, _memory.GetCounter("http_requests_total", ("method", "POST"), ("endpoint", "/api/orders"), ("status", "499")));
        var duration = _memory.GetHistogram("http_request_duration_seconds", ("method", "POST"), ("endpoint", "/api/orders"));
        Assert.Equal(4, duration.Count);
        Assert.Equal(2, duration.Sum);
        Assert.Empty(_memory.GetSamples("function_calls_total"));
    }

    [Theory]
    [InlineData(204)]
    [InlineData(404)]
    [InlineData(599)]
    [InlineData(600)]
    [InlineData(999)]
    public void RecordStatusCode_HttpKind_RecordsTheCodeAsText(int code)
    {
        var operation = _collector.BindOperation(MetricKind.Http, "/x");

        operation.RecordStatusCode(code, TimeSpan.FromSeconds(1));
        operation.RecordStatusCode(code, TimeSpan.FromSeconds(1));

        Assert.Equal(2, _memory.GetCounter("http_requests_total", ("method", "GET"), ("endpoint", "/x"), ("status", code.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(2, _memory.GetHistogram("http_request_duration_seconds", ("method", "GET"), ("endpoint", "/x")).Count);
    }

    [Fact]
    public void BindOperation_DefaultHttpMethod_IsGet()
    {
        _collector.BindOperation(MetricKind.Http, "/health").Record(OperationStatus.Success, TimeSpan.Zero);

        Assert.Equal(1, _memory.GetCounter("http_requests_total", ("method", "GET"), ("endpoint", "/health"), ("status", "200")));
    }

    [Fact]
    public void Record_ConstantLabels_AppearOnCounterAndHistogram()
    {
        var operation = _collector.BindOperation(MetricKind.Function, "Billing.Charge", [new("team", "payments"), new("tier", "gold")]);

        operation.Record(OperationStatus.Success, TimeSpan.FromSeconds(1));
        operation.Record(OperationStatus.Failed, TimeSpan.FromSeconds(1));

        Assert.Equal(1, _memory.GetCounter("function_calls_total", ("function", "Billing.Charge"), ("status", "success"), ("team", "payments"), ("tier", "gold")));
        Assert.Equal(1, _memory.GetCounter("function_calls_total", ("function", "Billing.Charge"), ("status", "failed"), ("team", "payments"), ("tier", "gold")));
        Assert.Equal(2, _memory.GetHistogram("function_duration_seconds", ("function", "Billing.Charge"), ("team", "payments"), ("tier", "gold")).Count);
        Assert.Equal(0, _memory.GetCounter("function_calls_total", ("function", "Billing.Charge"), ("status", "success")));
    }

    [Fact]
    public void RecordStatusCode_HttpKindWithConstantLabels_KeepsThemOnLazilyBoundCodes()
    {
        var operation = _collector.BindOperation(MetricKind.Http, "/pay", [new("team", "payments")], "PUT");

        operation.RecordStatusCode(402, TimeSpan.FromSeconds(1));

        Assert.Equal(1, _memory.GetCounter("http_requests_total", ("method", "PUT"), ("endpoint", "/pay"), ("status", "402"), ("team", "payments")));
    }

    [Theory]
    [InlineData(MetricKind.Function, "status")]
    [InlineData(MetricKind.Function, "function")]
    [InlineData(MetricKind.Http, "endpoint")]
    [InlineData(MetricKind.Database, "1bad")]
    public void BindOperation_InvalidOrCollidingConstantLabel_ThrowsArgumentExceptionNamingIt(MetricKind kind, string label)
    {
        var exception = Assert.Throws<ArgumentException>(() => _collector.BindOperation(kind, "op", [new(label, "x")]));

        Assert.Contains($"'{label}'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BindOperation_NullName_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => _collector.BindOperation(MetricKind.Function, null!));

    public static TheoryData<MetricKind, string, (string, string)[]> InProgressGauges => new()
    {
        { MetricKind.Function, "function_calls_in_progress", [("function", "op")] },
        { MetricKind.Http, "http_requests_in_progress", [("method", "GET"), ("endpoint", "op")] },
        { MetricKind.Database, "database_queries_in_progress", [("operation", "op")] },
        { MetricKind.TelegramApi, "telegram_api_requests_in_progress", [("method", "op")] },
        { MetricKind.BackgroundTask, "background_tasks_in_progress", [("task_name", "op")] },
    };

    [Theory]
    [MemberData(nameof(InProgressGauges))]
    public void IncrementInProgress_TrackedOperation_SetsThatKindsGaugeWithItsLabels(MetricKind kind, string gauge, (string, string)[] labels)
    {
        var operation = _collector.BindOperation(kind, "op", [new("team", "core")], trackInProgress: true);
        (string, string)[] withTeam = [.. labels, ("team", "core")];

        operation.IncrementInProgress();
        operation.IncrementInProgress();
        var two = _memory.GetGauge(gauge, withTeam);
        operation.DecrementInProgress();

        Assert.True(operation.TracksInProgress);
        Assert.Equal(2, two);
        Assert.Equal(1, _memory.GetGauge(gauge, withTeam));
    }

    [Fact]
    public void IncrementInProgress_UntrackedOperation_DoesNothingAndDeclaresNoGauge()
    {
        var operation = _collector.BindOperation(MetricKind.Function, "op");

        operation.IncrementInProgress();

        Assert.False(operation.TracksInProgress);
        Assert.DoesNotContain(_memory.Definitions, d => d.Name == "function_calls_in_progress");
    }

    [Fact]
    public void IncrementInProgress_EightThreads_GaugeReturnsToZero()
    {
        var operation = _collector.BindOperation(MetricKind.Database, "op", trackInProgress: true);

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            for (var i = 0; i < 50_000; i++)
            {
                operation.IncrementInProgress();
                operation.DecrementInProgress();
            }
        });

        Assert.Equal(0, _memory.GetGauge("database_queries_in_progress", ("operation", "op")));
    }

    [Fact]
    public void IncrementInProgress_TwoBindingsOfOneOperation_GaugeCountsTheCallsOfBoth()
    {
        var first = _collector.BindOperation(MetricKind.Database, "op", trackInProgress: true);
        var second = _collector.BindOperation(MetricKind.Database, "op", trackInProgress: true);

        first.IncrementInProgress();
        second.IncrementInProgress();
        var both = _memory.GetGauge("database_queries_in_progress", ("operation", "op"));
        first.DecrementInProgress();

        Assert.Equal(2, both);
        Assert.Equal(1, _memory.GetGauge("database_queries_in_progress", ("operation", "op")));
    }

    [Fact]
    public void SeriesFor_NewSetPastTheCardinalityLimit_FindsTheOverflowWithoutAllocating()
    {
        var memory = new InMemoryMetricsBackend(cardinalityLimit: 1);
        var collector = new MetricsCollectorService(new MultiMetricsBackend([memory], NullLogger<MultiMetricsBackend>.Instance, cardinalityLimit: 1));
        var operation = collector.BindTimedOperation(MetricKind.Function, "Tenants.Get", null, "GET", trackInProgress: false, ["tenant"]);
        string[] fits = ["a"], folds = ["b"], foldsToo = ["c"];
        var bound = operation.SeriesFor(fits);
        var overflow = operation.SeriesFor(folds);

        var found = operation.SeriesFor(foldsToo);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            found = operation.SeriesFor(foldsToo);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.NotSame(bound, overflow);
        Assert.Same(overflow, found);
        Assert.Equal(0, allocated);
    }
}
