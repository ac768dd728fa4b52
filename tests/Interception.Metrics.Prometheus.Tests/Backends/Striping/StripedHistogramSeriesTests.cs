using System.Diagnostics;
using System.Globalization;
using MetricType = Interception.Metrics.MetricType;

namespace Interception.Metrics.Prometheus.Tests.Backends.Striping;

/// <summary>
/// Histogram and counter series keep their recordings in cells of their own and fold them into prometheus-net at each
/// collection: every exposition holds every recording made before it, in the right bucket, with the exact sum.
/// </summary>
public sealed class StripedHistogramSeriesTests : IDisposable
{
    private const int Threads = 8;
    private const int RecordsPerThread = 100_000;

    private static readonly MetricDefinition Duration = new("step_seconds", MetricType.Histogram, "Step.", ["step"], [0.25, 1, 4]);
    private static readonly MetricDefinition Steps = new("steps_total", MetricType.Counter, "Steps.", ["step"]);

    // One value per bucket (le 0.25, 1, 4, +Inf), exactly representable, so that every partial sum is exact whatever
    // the order and a scrape's sum follows from its bucket counts.
    private static readonly double[] Values = [0.25, 0.5, 2, 8];

    private readonly PrometheusMetricsBackend _backend = new();

    public StripedHistogramSeriesTests()
    {
        _backend.InitializeMetric(Duration);
        _backend.InitializeMetric(Steps);
    }

    public void Dispose() => _backend.Dispose();

    [Fact]
    public async Task Record_EightThreadsOnOneSeriesWhileScraping_EveryScrapeConsistentAndGrowingFinalExact()
    {
        var duration = _backend.Bind(Duration.Name, ["parse"]);
        var steps = _backend.Bind(Steps.Name, ["parse"]);
        using var start = new Barrier(Threads + 1);
        var recording = Enumerable.Range(0, Threads).Select(t => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                for (var i = 0; i < RecordsPerThread; i++)
                {
                    duration.Record(Values[(t + i) % Values.Length]);
                    steps.Record(1);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();
        start.SignalAndWait();

        var counts = new List<double>();
        while (!recording.All(t => t.IsCompleted))
        {
            // Every scrape holds whole observations: each bucket's count with its values in the sum.
            var scrape = Samples(_backend.GetMetricsOutput());
            var buckets = Buckets(scrape);
            Assert.Equal(Values.Zip(buckets, (v, n) => v * n).Sum(), scrape["step_seconds_sum{step=\"parse\"}"]);
            Assert.True(buckets.Sum() <= Threads * RecordsPerThread);
            counts.Add(scrape["step_seconds_count{step=\"parse\"}"]);
        }

        await Task.WhenAll(recording);
        var final = Samples(_backend.GetMetricsOutput());

        Assert.Equal(counts.Order(), counts);
        const double total = Threads * RecordsPerThread;
        Assert.Equal(total, final["step_seconds_count{step=\"parse\"}"]);
        Assert.Equal(total, final["steps_total{step=\"parse\"}"]);

        // Each thread starts at its own offset into Values, so count what each bucket received the same way.
        var expected = new double[Values.Length];
        for (var t = 0; t < Threads; t++)
        {
            for (var i = 0; i < RecordsPerThread; i++)
            {
                expected[(t + i) % Values.Length]++;
            }
        }

        Assert.Equal(expected, Buckets(final));
        Assert.Equal(Values.Zip(expected, (v, n) => v * n).Sum(), final["step_seconds_sum{step=\"parse\"}"]);
    }

    [Fact]
    public void Fold_ManyValuesOfOneBucket_SumEqualsTheirSumInRecordingOrder()
    {
        // Values that are not exactly representable, all in the first bucket: the sum prometheus-net shows must be the
        // very double that adding them one by one gives, as it is when prometheus-net observes them itself.
        var random = new Random(20_260_101);
        var values = Enumerable.Range(0, 1_000).Select(_ => random.NextDouble() * 0.25).ToArray();
        var series = _backend.Bind(Duration.Name, ["parse"]);
        var expected = 0.0;
        foreach (var value in values)
        {
            series.Record(value);
            expected += value;
        }

        var scrape = Samples(_backend.GetMetricsOutput());

        Assert.Equal(expected, scrape["step_seconds_sum{step=\"parse\"}"]);
        Assert.Equal(1_000, scrape["step_seconds_bucket{step=\"parse\",le=\"0.25\"}"]);
        Assert.Equal(1_000, scrape["step_seconds_count{step=\"parse\"}"]);
    }

    [Fact]
    public void Fold_ValuesOnABucketBound_StayInThatBucket()
    {
        var series = _backend.Bind(Duration.Name, ["parse"]);
        for (var i = 0; i < 7; i++)
        {
            series.Record(0.25);
            series.Record(1);
        }

        var scrape = Samples(_backend.GetMetricsOutput());

        Assert.Equal(7, scrape["step_seconds_bucket{step=\"parse\",le=\"0.25\"}"]);
        Assert.Equal(14, scrape["step_seconds_bucket{step=\"parse\",le=\"1\"}"]);
        Assert.Equal(8.75, scrape["step_seconds_sum{step=\"parse\"}"]);
    }

    [Fact]
    public void Fold_ScrapedInsideSampledActivity_FoldedObservationsCarryNoExemplar()
    {
        // Observations made outside any trace are folded at collection; the collection's own activity (a traced
        // scrape request) must not become their exemplar.
        _backend.Bind(Duration.Name, ["parse"]).Record(0.5);
        using var scrape = new Activity("scrape") { ActivityTraceFlags = ActivityTraceFlags.Recorded }.Start();

        var openMetrics = _backend.GetMetricsOutput(MetricsExpositionFormat.OpenMetrics);

        Assert.Contains("step_seconds_bucket{step=\"parse\",le=\"1.0\"} 1\n", openMetrics, StringComparison.Ordinal);
        Assert.DoesNotContain(" # {", openMetrics, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_SampledAndUnsampledObservations_ExemplarOfTheSampledOneAndEveryCount()
    {
        var series = _backend.Bind(Duration.Name, ["parse"]);
        series.Record(0.5);
        var activity = new Activity("call") { ActivityTraceFlags = ActivityTraceFlags.Recorded }.Start();
        series.Record(0.75);
        activity.Stop();
        series.Record(0.5);

        var openMetrics = _backend.GetMetricsOutput(MetricsExpositionFormat.OpenMetrics);

        Assert.Contains(
            $"step_seconds_bucket{{step=\"parse\",le=\"1.0\"}} 3 # {{trace_id=\"{activity.TraceId.ToHexString()}\",span_id=\"{activity.SpanId.ToHexString()}\"}} 0.75 ",
            openMetrics,
            StringComparison.Ordinal);
        Assert.Contains("step_seconds_sum{step=\"parse\"} 1.75\n", openMetrics, StringComparison.Ordinal);
    }

    /// <summary>The count of each bucket of <c>step_seconds{step="parse"}</c> on its own (not cumulative).</summary>
    private static double[] Buckets(Dictionary<string, double> scrape)
    {
        var cumulative = new[] { "0.25", "1", "4", "+Inf" }.Select(le => scrape[$"step_seconds_bucket{{step=\"parse\",le=\"{le}\"}}"]).ToArray();
        return [cumulative[0], cumulative[1] - cumulative[0], cumulative[2] - cumulative[1], cumulative[3] - cumulative[2]];
    }

    /// <summary>The samples of a text-format exposition, by their name and labels as written.</summary>
    private static Dictionary<string, double> Samples(string exposition) =>
        exposition.Split('\n')
            .Where(l => l.Length > 0 && l[0] != '#')
            .ToDictionary(
                l => l[..l.LastIndexOf(' ')],
                l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture),
                StringComparer.Ordinal);
}
