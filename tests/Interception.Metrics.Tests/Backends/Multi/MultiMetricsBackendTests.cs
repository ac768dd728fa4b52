using Interception.Metrics.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Interception.Metrics.Tests.Backends.Multi;

public partial class MultiMetricsBackendTests
{
    private const string ErrorsMetric = "metrics_backend_errors_total";

    private static readonly MetricDefinition _jobs = new("jobs_total", MetricType.Counter, "Jobs.", ["queue"]);
    private static readonly MetricDefinition _depth = new("queue_depth", MetricType.Gauge, "Depth.", ["queue"]);
    private static readonly MetricDefinition _duration = new("job_seconds", MetricType.Histogram, "Duration.", ["queue"], [0.1, 1]);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void EveryCall_ChildThrowsFromEverything_NeverSurfacesAndHealthyChildReceivesEverything(int throwingIndex)
    {
        var failing = new ThrowingMetricsBackend(failBind: true);
        var memory = new InMemoryMetricsBackend();
        IMetricsBackend[] children = throwingIndex == 0 ? [failing, memory] : [memory, failing];
        var multi = new MultiMetricsBackend(children);

        var exception = Record.Exception(() => RecordWorkload(multi));

        Assert.Null(exception);
        AssertWorkloadRecorded(memory);
        Assert.True(failing.Calls > 0);
        Assert.Equal(0, multi.GetFailureCount(1 - throwingIndex));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void EveryCall_ChildThrowsFromEverything_FailuresCountedOnHealthyChildAndByGetFailureCount(int throwingIndex)
    {
        var failing = new ThrowingMetricsBackend(failBind: true);
        var memory = new InMemoryMetricsBackend();
        IMetricsBackend[] children = throwingIndex == 0 ? [failing, memory] : [memory, failing];
        var multi = new MultiMetricsBackend(children);

        RecordWorkload(multi);

        // Constructor's self-metric declaration (1) + three declarations (3) + three new series (3).
        Assert.Equal(7, multi.GetFailureCount(throwingIndex));
        Assert.Equal(failing.Calls, multi.GetFailureCount(throwingIndex));
        Assert.Equal(7, memory.GetCounter(ErrorsMetric, ("backend", "throwing")));
    }

    [Fact]
    public void Record_ChildSeriesThrowsOnEveryRecording_EachFailureCountedAndHealthyChildStillRecords()
    {
        var failing = new ThrowingMetricsBackend(failBind: false);
        var memory = new InMemoryMetricsBackend();
        var multi = new MultiMetricsBackend([failing, memory]);
        multi.InitializeMetric(_jobs);
        var series = multi.Bind("jobs_total", ["a"]);

        for (var i = 0; i < 50; i++)
        {
            series.Record(1);
        }

        Assert.Equal(50, memory.GetCounter("jobs_total", ("queue", "a")));
        Assert.Equal(52, multi.GetFailureCount(0));
        Assert.Equal(52, memory.GetCounter(ErrorsMetric, ("backend", "throwing")));
    }

    [Fact]
    public void Record_StrictMockChildThrowsOnEveryCall_NeverSurfacesAndFailuresAreCounted()
    {
        var mock = new Mock<IMetricsBackend>(MockBehavior.Strict);
        var memory = new InMemoryMetricsBackend();
        var multi = new MultiMetricsBackend([mock.Object, memory]);

        var exception = Record.Exception(() => RecordWorkload(multi));

        Assert.Null(exception);
        AssertWorkloadRecorded(memory);
        var errors = Assert.Single(memory.GetSamples(ErrorsMetric));
        Assert.Equal(7, multi.GetFailureCount(0));
        Assert.Equal(7, errors.Value);
        Assert.Equal(0, multi.GetFailureCount(1));
    }

    [Fact]
    public void Record_TwoHealthyChildren_BothReceiveEveryMeasurement()
    {
        var first = new InMemoryMetricsBackend();
        var second = new InMemoryMetricsBackend();
        var multi = new MultiMetricsBackend([first, second]);

        RecordWorkload(multi);

        AssertWorkloadRecorded(first);
        AssertWorkloadRecorded(second);
        Assert.Empty(first.GetSamples(ErrorsMetric));
        Assert.Equal(2, multi.Backends.Count);
        Assert.Same(first, multi.Backends[0]);
    }

    [Fact]
    public void Report_ThousandFailuresWithinOneInterval_LogsExactlyOnceThenOnceMoreAfterTheInterval()
    {
        var logger = new RecordingLogger<MultiMetricsBackend>();
        var time = new FakeTimeProvider();
        var failing = new ThrowingMetricsBackend(failBind: false);
        var multi = new MultiMetricsBackend([failing, new InMemoryMetricsBackend()], logger, timeProvider: time, failureLogInterval: TimeSpan.FromMinutes(1));
        multi.InitializeMetric(_jobs);
        var series = multi.Bind("jobs_total", ["a"]);

        for (var i = 0; i < 1_000; i++)
        {
            series.Record(1);
            time.Advance(TimeSpan.FromMilliseconds(50));
        }

        var first = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, first.Level);
        Assert.Same(failing.Failure, first.Exception);
        Assert.Contains("'throwing'", first.Message, StringComparison.Ordinal);

        time.Advance(TimeSpan.FromSeconds(11));
        series.Record(1);
        series.Record(1);

        Assert.Equal(2, logger.Entries.Count);
        var second = logger.Entries[1];
        Assert.Same(failing.Failure, second.Exception);
        Assert.Contains("Record", second.Message, StringComparison.Ordinal);
        Assert.Contains("1001 similar failures", second.Message, StringComparison.Ordinal);
        Assert.Contains("1003 in all", second.Message, StringComparison.Ordinal);
        Assert.Equal(1_004, multi.GetFailureCount(0));
    }

    [Fact]
    public void Report_TwoFailingChildren_EachLoggedAtItsOwnRate()
    {
        var logger = new RecordingLogger<MultiMetricsBackend>();
        var time = new FakeTimeProvider();
        var multi = new MultiMetricsBackend(
            [new ThrowingMetricsBackend(failBind: false), new ThrowingMetricsBackend(failBind: false), new InMemoryMetricsBackend()],
            logger,
            timeProvider: time);
        multi.InitializeMetric(_jobs);

        for (var i = 0; i < 100; i++)
        {
            multi.RecordCounter("jobs_total");
        }

        // Each child: the constructor's declaration, the declaration of jobs_total and 100 recordings.
        Assert.Equal(2, logger.Entries.Count);
        Assert.Equal(102, multi.GetFailureCount(0));
        Assert.Equal(102, multi.GetFailureCount(1));
    }

    [Fact]
    public void Report_LoggerThrows_NeverSurfacesAndFailureStillCounted()
    {
        var logger = new Mock<ILogger<MultiMetricsBackend>>(MockBehavior.Strict);
        var memory = new InMemoryMetricsBackend();
        var multi = new MultiMetricsBackend([new ThrowingMetricsBackend(), memory], logger.Object);

        var exception = Record.Exception(() => RecordWorkload(multi));

        Assert.Null(exception);
        AssertWorkloadRecorded(memory);
        Assert.Equal(7, memory.GetCounter(ErrorsMetric, ("backend", "throwing")));
    }

    [Fact]
    public void EveryCall_NoChildren_IsNoOp()
    {
        var multi = new MultiMetricsBackend([]);

        var exception = Record.Exception(() => RecordWorkload(multi));

        Assert.Null(exception);
        Assert.Empty(multi.Backends);
    }

    [Fact]
    public void Constructor_NullChild_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => new MultiMetricsBackend([new InMemoryMetricsBackend(), null!]));

    [Fact]
    public void InitializeMetric_ConflictingRedefinition_ThrowsToCallerLikeAnyBackend()
    {
        var multi = new MultiMetricsBackend([new InMemoryMetricsBackend()]);
        multi.InitializeMetric(_jobs);

        Assert.Throws<ArgumentException>(() => multi.InitializeMetric(new MetricDefinition("jobs_total", MetricType.Gauge, "Jobs.", ["queue"])));
    }

    [Fact]
    public void Bind_SameLabelValues_ReturnsSameFanOutSeries()
    {
        var multi = new MultiMetricsBackend([new InMemoryMetricsBackend(), new InMemoryMetricsBackend()]);
        multi.InitializeMetric(_jobs);

        Assert.Same(multi.Bind("jobs_total", ["a"]), multi.Bind("jobs_total", ["a"]));
    }

    [Fact]
    public void Bind_ConstantLabels_ReachEveryChild()
    {
        var first = new InMemoryMetricsBackend();
        var second = new InMemoryMetricsBackend();
        var multi = new MultiMetricsBackend([first, second]);
        multi.InitializeMetric(_jobs);

        multi.Bind("jobs_total", ["a"], [new("team", "core")]).Record(2);

        Assert.Equal(2, first.GetCounter("jobs_total", ("queue", "a"), ("team", "core")));
        Assert.Equal(2, second.GetCounter("jobs_total", ("queue", "a"), ("team", "core")));
    }

    [Theory]
    [InlineData(10, 10)]
    [InlineData(10, 50)]
    [InlineData(50, 10)]
    public void Bind_PastCardinalityLimits_EveryFoldCountedOnceAndTotalsExact(int multiLimit, int childLimit)
    {
        var memory = new InMemoryMetricsBackend(childLimit);
        var multi = new MultiMetricsBackend([memory], Microsoft.Extensions.Logging.Abstractions.NullLogger<MultiMetricsBackend>.Instance, multiLimit);
        multi.InitializeMetric(_jobs);

        for (var i = 0; i < 500; i++)
        {
            multi.Bind("jobs_total", [$"q{i}"]).Record(1);
        }

        var limit = Math.Min(multiLimit, childLimit);
        var samples = memory.GetSamples("jobs_total");
        Assert.Equal(limit + 1, samples.Count);
        Assert.Equal(500, samples.Sum(s => s.Value));
        Assert.Equal(500 - limit, memory.GetCounter("jobs_total", ("queue", MetricsBackend.OverflowLabelValue)));
        Assert.Equal(500 - limit, memory.GetCounter(MetricsBackend.OverflowMetricName, ("metric", "jobs_total")));
    }

    private static void RecordWorkload(IMetricsBackend backend)
    {
        backend.InitializeMetric(_jobs);
        backend.InitializeMetric(_depth);
        backend.InitializeMetric(_duration);
        backend.Bind("jobs_total", ["a"]).Record(1);
        backend.RecordCounter("jobs_total", 2, new Dictionary<string, string> { ["queue"] = "a" });
        backend.SetGauge("queue_depth", 7, new Dictionary<string, string> { ["queue"] = "a" });
        backend.Bind("job_seconds", ["a"]).Record(0.25);
        backend.RecordHistogram("job_seconds", 0.75, new Dictionary<string, string> { ["queue"] = "a" });
    }

    private static void AssertWorkloadRecorded(InMemoryMetricsBackend memory)
    {
        Assert.Equal(3, memory.GetCounter("jobs_total", ("queue", "a")));
        Assert.Equal(7, memory.GetGauge("queue_depth", ("queue", "a")));
        var histogram = memory.GetHistogram("job_seconds", ("queue", "a"));
        Assert.Equal(2, histogram.Count);
        Assert.Equal(1, histogram.Sum);
    }
}
