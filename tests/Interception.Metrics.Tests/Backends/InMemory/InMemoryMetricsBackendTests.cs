namespace Interception.Metrics.Tests.Backends.InMemory;

public class InMemoryMetricsBackendTests
{
    private readonly InMemoryMetricsBackend _backend = new();

    public InMemoryMetricsBackendTests()
    {
        _backend.InitializeMetric(new MetricDefinition("jobs_total", MetricType.Counter, "Jobs.", ["queue"]));
        _backend.InitializeMetric(new MetricDefinition("queue_length", MetricType.Gauge, "Queue length.", ["queue"]));
        _backend.InitializeMetric(new MetricDefinition("job_seconds", MetricType.Histogram, "Job duration.", ["queue"], [0.1, 1, 10]));
        _backend.InitializeMetric(new MetricDefinition("uptime_seconds", MetricType.Gauge, "Uptime."));
    }

    [Fact]
    public void GetCounter_NeverRecorded_ReturnsZero()
    {
        Assert.Equal(0, _backend.GetCounter("jobs_total", ("queue", "a")));
        Assert.Equal(0, _backend.GetCounter("not_declared_total"));
    }

    [Fact]
    public void GetCounter_AfterRecordings_ReturnsTotalOfThatSeriesOnly()
    {
        _backend.RecordCounter("jobs_total", 2, new Dictionary<string, string> { ["queue"] = "a" });
        _backend.RecordCounter("jobs_total", 0.5, new Dictionary<string, string> { ["queue"] = "a" });
        _backend.RecordCounter("jobs_total", 7, new Dictionary<string, string> { ["queue"] = "b" });

        Assert.Equal(2.5, _backend.GetCounter("jobs_total", ("queue", "a")));
        Assert.Equal(7, _backend.GetCounter("jobs_total", ("queue", "b")));
    }

    [Fact]
    public void GetCounter_LabelsMustMatchExactly()
    {
        _backend.Bind("jobs_total", ["a"], [new("team", "core")]).Record(4);

        Assert.Equal(0, _backend.GetCounter("jobs_total", ("queue", "a")));
        Assert.Equal(0, _backend.GetCounter("jobs_total", ("queue", "a"), ("team", "web")));
        Assert.Equal(4, _backend.GetCounter("jobs_total", ("team", "core"), ("queue", "a")));
    }

    [Fact]
    public void GetGauge_NeverSet_ReturnsNull() =>
        Assert.Null(_backend.GetGauge("queue_length", ("queue", "a")));

    [Fact]
    public void GetGauge_BoundButNeverSet_ReturnsNull()
    {
        _backend.Bind("queue_length", ["a"]);
        _backend.Bind("uptime_seconds", []);

        Assert.Null(_backend.GetGauge("queue_length", ("queue", "a")));
        Assert.Null(_backend.GetGauge("uptime_seconds"));
    }

    [Fact]
    public void GetSamples_GaugeBoundButNeverSet_IsAbsentWhileCountersShowZero()
    {
        _backend.Bind("queue_length", ["a"]);
        _backend.Bind("queue_length", ["b"]).Record(0);
        _backend.Bind("jobs_total", ["a"]);

        var gauge = Assert.Single(_backend.GetSamples("queue_length"));
        Assert.Equal("b", gauge.Labels["queue"]);
        Assert.Equal(0, Assert.Single(_backend.GetSamples("jobs_total")).Value);
    }

    [Fact]
    public void GetGauge_SetSeveralTimes_ReturnsLastValue()
    {
        _backend.SetGauge("queue_length", 10, new Dictionary<string, string> { ["queue"] = "a" });
        _backend.SetGauge("queue_length", -3, new Dictionary<string, string> { ["queue"] = "a" });
        _backend.SetGauge("uptime_seconds", 42);

        Assert.Equal(-3, _backend.GetGauge("queue_length", ("queue", "a")));
        Assert.Equal(42, _backend.GetGauge("uptime_seconds"));
    }

    [Fact]
    public void GetGauge_SetToZero_ReturnsZeroNotNull()
    {
        _backend.SetGauge("uptime_seconds", 0);

        Assert.Equal(0, _backend.GetGauge("uptime_seconds"));
    }

    [Fact]
    public void GetHistogram_AfterObservations_ReturnsCountSumMinAndMax()
    {
        var series = _backend.Bind("job_seconds", ["a"]);
        series.Record(0.5);
        series.Record(0.125);
        _backend.RecordHistogram("job_seconds", 2, new Dictionary<string, string> { ["queue"] = "a" });

        var sample = _backend.GetHistogram("job_seconds", ("queue", "a"));

        Assert.Equal(3, sample.Count);
        Assert.Equal(2.625, sample.Sum);
        Assert.Equal(2.625, sample.Value);
        Assert.Equal(0.125, sample.Min);
        Assert.Equal(2, sample.Max);
        Assert.Equal("a", sample.Labels["queue"]);
    }

    [Fact]
    public void GetHistogram_NeverObserved_ReturnsEmptySampleWithTheAskedLabels()
    {
        var sample = _backend.GetHistogram("job_seconds", ("queue", "z"));

        Assert.Equal(0, sample.Count);
        Assert.Equal(0, sample.Sum);
        Assert.Equal(0, sample.Min);
        Assert.Equal(0, sample.Max);
        Assert.Equal("z", sample.Labels["queue"]);
    }

    [Fact]
    public void GetHistogram_BoundButNeverObserved_ReportsZeroMinAndMaxNotInfinity()
    {
        _backend.Bind("job_seconds", ["a"]);

        var sample = _backend.GetHistogram("job_seconds", ("queue", "a"));

        Assert.Equal(0, sample.Count);
        Assert.Equal(0, sample.Min);
        Assert.Equal(0, sample.Max);
    }

    [Fact]
    public void GetSamples_ReturnsEverySeriesWithItsLabels()
    {
        _backend.RecordCounter("jobs_total", 1, new Dictionary<string, string> { ["queue"] = "a" });
        _backend.RecordCounter("jobs_total", 2, new Dictionary<string, string> { ["queue"] = "b" });

        var samples = _backend.GetSamples("jobs_total");

        Assert.Equal(2, samples.Count);
        Assert.Equal(
            [("a", 1.0), ("b", 2.0)],
            samples.Select(s => (s.Labels["queue"], s.Value)).OrderBy(p => p.Item1, StringComparer.Ordinal));
        Assert.All(samples, s => Assert.Equal(0, s.Count));
    }

    [Fact]
    public void GetSamples_UnknownOrUnrecordedMetric_ReturnsEmpty()
    {
        Assert.Empty(_backend.GetSamples("nothing_here"));
        Assert.Empty(_backend.GetSamples("jobs_total"));
    }

    [Fact]
    public void GetSamples_IsASnapshot_NotLiveView()
    {
        var series = _backend.Bind("jobs_total", ["a"]);
        series.Record(1);
        var before = Assert.Single(_backend.GetSamples("jobs_total"));

        series.Record(1);

        Assert.Equal(1, before.Value);
        Assert.Equal(2, _backend.GetCounter("jobs_total", ("queue", "a")));
    }

    [Fact]
    public void Record_ConcurrentFromSeveralThreads_LosesNothing()
    {
        var counter = _backend.Bind("jobs_total", ["a"]);
        var histogram = _backend.Bind("job_seconds", ["a"]);

        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            counter.Record(1);
            histogram.Record(0.5);
        });

        Assert.Equal(20_000, _backend.GetCounter("jobs_total", ("queue", "a")));
        var sample = _backend.GetHistogram("job_seconds", ("queue", "a"));
        Assert.Equal(20_000, sample.Count);
        Assert.Equal(10_000, sample.Sum);
    }

    [Fact]
    public async Task Record_EightThreadsOnOneSeriesWhileReading_ReadsGrowAndFinalCountSumMinMaxExact()
    {
        const int threads = 8;
        const int perThread = 50_000;
        var counter = _backend.Bind("jobs_total", ["a"]);
        var histogram = _backend.Bind("job_seconds", ["a"]);
        using var start = new Barrier(threads + 1);
        var recording = Enumerable.Range(0, threads).Select(t => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                for (var i = 0; i < perThread; i++)
                {
                    // Thread t records (t + 1) / 4: exactly representable, so every partial sum is exact.
                    histogram.Record((t + 1) * 0.25);
                    counter.Record(1);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();
        start.SignalAndWait();

        var seen = new List<long>();
        while (!recording.All(t => t.IsCompleted))
        {
            var sample = _backend.GetHistogram("job_seconds", ("queue", "a"));
            Assert.InRange(sample.Count, 0, threads * perThread);
            seen.Add(sample.Count);
        }

        await Task.WhenAll(recording);
        var final = _backend.GetHistogram("job_seconds", ("queue", "a"));

        Assert.Equal(seen.Order(), seen);
        Assert.Equal(threads * perThread, final.Count);
        Assert.Equal(threads * perThread, _backend.GetCounter("jobs_total", ("queue", "a")));
        Assert.Equal(perThread * 0.25 * (threads * (threads + 1) / 2), final.Sum);
        Assert.Equal(0.25, final.Min);
        Assert.Equal(threads * 0.25, final.Max);
    }

    [Fact]
    public void Constructor_Default_UsesDefaultCardinalityLimit() =>
        Assert.Equal(MetricsBackend.DefaultCardinalityLimit, new InMemoryMetricsBackend().CardinalityLimit);
}
