namespace Interception.Metrics.Tests.Backends;

public partial class MetricsBackendTests
{
    [Fact]
    public void RecordHttpRequest_TenThousandEndpointsOverLimitOfHundred_FoldsIntoOneOverflowSeriesAndKeepsTotalsExact()
    {
        const int Requests = 10_000;
        const int Limit = 100;
        var backend = new InMemoryMetricsBackend(Limit);
        var collector = new MetricsCollectorService(backend);

        for (var i = 0; i < Requests; i++)
        {
            collector.RecordHttpRequest(new HttpRequestMetric("GET", $"/e/{i}", 200, TimeSpan.FromMilliseconds(10)));
        }

        var counters = backend.GetSamples(MetricNames.HttpRequests);
        Assert.InRange(counters.Count, Limit, Limit + 1);
        Assert.Equal(Requests, counters.Sum(s => s.Value));
        var overflow = Assert.Single(counters, s => s.Labels.Values.All(v => v == MetricsBackend.OverflowLabelValue));
        Assert.Equal(["endpoint", "method", "status"], overflow.Labels.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Requests - Limit, overflow.Value);
        Assert.Equal(1, backend.GetCounter(MetricNames.HttpRequests, ("method", "GET"), ("endpoint", "/e/0"), ("status", "200")));
        Assert.Equal(Requests - Limit, backend.GetCounter(MetricsBackend.OverflowMetricName, ("metric", MetricNames.HttpRequests)));

        var histograms = backend.GetSamples(MetricNames.HttpRequestDuration);
        Assert.InRange(histograms.Count, Limit, Limit + 1);
        Assert.Equal(Requests, histograms.Sum(s => s.Count));
        Assert.Equal(Requests * 0.01, histograms.Sum(s => s.Sum), 6);
        Assert.Equal(Requests - Limit, backend.GetCounter(MetricsBackend.OverflowMetricName, ("metric", MetricNames.HttpRequestDuration)));
    }

    [Fact]
    public void Bind_PastLimit_ReturnsOneSharedOverflowSeriesAndCountsEveryFoldedRecording()
    {
        var backend = CreateBackend(limit: 3);
        for (var i = 0; i < 3; i++)
        {
            backend.Bind("requests_total", ["GET", $"{200 + i}"]).Record(1);
        }

        var folded1 = backend.Bind("requests_total", ["GET", "404"]);
        var folded2 = backend.Bind("requests_total", ["POST", "500"]);
        folded1.Record(2);
        folded2.Record(1);
        folded2.Record(1);

        Assert.Equal(3, backend.GetSeriesCount("requests_total"));
        Assert.Equal(4, backend.GetCounter("requests_total", ("method", MetricsBackend.OverflowLabelValue), ("status", MetricsBackend.OverflowLabelValue)));
        Assert.Equal(3, backend.GetCounter(MetricsBackend.OverflowMetricName, ("metric", "requests_total")));
        Assert.Equal(0, backend.GetCounter("requests_total", ("method", "GET"), ("status", "404")));
    }

    [Fact]
    public void Bind_PastLimit_ExistingSeriesStillReturned()
    {
        var backend = CreateBackend(limit: 1);
        var first = backend.Bind("requests_total", ["GET", "200"]);
        backend.Bind("requests_total", ["GET", "500"]).Record(1);

        Assert.Same(first, backend.Bind("requests_total", ["GET", "200"]));
    }

    [Fact]
    public void Bind_LimitReachedOnOneMetric_DoesNotAffectAnother()
    {
        var backend = CreateBackend(limit: 1);
        backend.Bind("requests_total", ["GET", "200"]).Record(1);
        backend.Bind("requests_total", ["GET", "500"]).Record(1);

        backend.Bind("latency_seconds", ["GET"]).Record(0.5);

        Assert.Equal(1, backend.GetHistogram("latency_seconds", ("method", "GET")).Count);
    }

    [Fact]
    public void Bind_SeveralMetricsOverflowWithLimitOfOne_CountsEachMetricsFoldsSeparately()
    {
        var backend = new InMemoryMetricsBackend(1);
        foreach (var name in new[] { "a_total", "b_total", "c_total" })
        {
            backend.InitializeMetric(new MetricDefinition(name, MetricType.Counter, "help", ["key"]));
            backend.Bind(name, ["1"]).Record(1);
            backend.Bind(name, ["2"]).Record(1);
            backend.Bind(name, ["3"]).Record(1);
        }

        foreach (var name in new[] { "a_total", "b_total", "c_total" })
        {
            Assert.Equal(2, backend.GetCounter(MetricsBackend.OverflowMetricName, ("metric", name)));
            Assert.Equal(2, backend.GetCounter(name, ("key", MetricsBackend.OverflowLabelValue)));
        }
    }

    [Fact]
    public void Bind_ConcurrentDistinctLabelSetsFromSeveralThreads_NeverExceedsLimitAndKeepsTotalsExact()
    {
        const int Threads = 4;
        const int PerThread = 2_000;
        const int Limit = 100;
        var backend = CreateBackend(Limit);
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < PerThread; i++)
            {
                backend.Bind("requests_total", [$"t{t}", $"{i}"]).Record(1);
            }
        })).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var samples = backend.GetSamples("requests_total");
        Assert.Equal(Limit, backend.GetSeriesCount("requests_total"));
        Assert.Equal(Limit + 1, samples.Count);
        Assert.Equal(Threads * PerThread, samples.Sum(s => s.Value));
        Assert.Equal((Threads * PerThread) - Limit, backend.GetCounter(MetricsBackend.OverflowMetricName, ("metric", "requests_total")));
    }
}
