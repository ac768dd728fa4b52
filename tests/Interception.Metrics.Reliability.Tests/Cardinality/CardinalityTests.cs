using System.Globalization;
using Autofac;
using Interception.Metrics.Autofac.Tests.TestSupport;
using Interception.Metrics.Reliability.Tests.TestSupport;
using Xunit.Abstractions;

namespace Interception.Metrics.Reliability.Tests.Cardinality;

/// <summary>
/// Unbounded label values (100,000 distinct endpoints) cannot grow a metric past <c>CardinalityLimit</c> series:
/// the rest fold into one overflow series, the fold is counted, totals stay exact and memory stays flat.
/// </summary>
[Collection(IsolatedCollection.Name)]
public sealed class CardinalityTests(ITestOutputHelper output)
{
    private const int Limit = 2000;
    private const int Endpoints = 100_000;
    private const int FirstBatch = 10_000;
    private const int Threads = 4;
    private const string Overflow = MetricsBackend.OverflowLabelValue;

    // Measured on a 2-core machine (the test writes its numbers): 3.84 MB for the 2 x 2,000 series of both
    // metrics (about 960 B per series), and 24 B more after 90,000 further endpoints folded. The series bound is
    // 2.6x the measurement; the folding bound is GC noise, far below the 90,000 x 3 B any per-fold leak would add.
    private const long SeriesMemoryBound = 10 * 1024 * 1024;
    private const long FoldingMemoryBound = 256 * 1024;

    [Fact]
    public void RecordHttpRequest_100000DistinctEndpoints_SeriesCappedFoldsCountedTotalsExactMemoryFlat()
    {
        using var container = MetricsContainer.Build(
            _ => { },
            ("Metrics:CardinalityLimit", Limit.ToString(CultureInfo.InvariantCulture)),
            ("Metrics:Backends:InMemory:Enabled", "false"));
        var collector = container.Resolve<MetricsCollectorService>();
        collector.GetMetricsOutput();
        var empty = GC.GetTotalMemory(forceFullCollection: true);

        Record(collector, 0, FirstBatch);
        var capped = GC.GetTotalMemory(forceFullCollection: true);
        Record(collector, FirstBatch, Endpoints);
        var full = GC.GetTotalMemory(forceFullCollection: true);

        output.WriteLine(
            $"managed memory after a full GC: {empty:N0} B empty, {capped:N0} B after {FirstBatch:N0} endpoints (+{capped - empty:N0}), "
            + $"{full:N0} B after {Endpoints:N0} (+{full - capped:N0} more)");
        var prometheus = PrometheusExposition.Parse(collector.GetMetricsOutput());
        foreach (var metric in (string[])[MetricNames.HttpRequests, MetricNames.HttpRequestDuration])
        {
            var sample = metric == MetricNames.HttpRequests ? metric : metric + "_count";
            var series = prometheus.Named(sample);
            Assert.Equal(Limit + 1, series.Count);
            Assert.Equal(Endpoints, series.Sum(s => s.Value));
            var overflow = Assert.Single(series, s => s.Label("endpoint") == Overflow);
            Assert.All(overflow.Labels.Values, v => Assert.Equal(Overflow, v));
            Assert.Equal(Endpoints - Limit, overflow.Value);
            Assert.Equal(Endpoints - Limit, prometheus.Value(MetricNames.CardinalityOverflow, ("metric", metric)));
        }

        Assert.True(capped - empty < SeriesMemoryBound, $"{capped - empty:N0} B for {Limit} series per metric");
        Assert.True(full - capped < FoldingMemoryBound, $"{full - capped:N0} B more after folding {Endpoints - FirstBatch:N0} more endpoints");
    }

    private static void Record(MetricsCollectorService collector, int from, int to)
    {
        var share = (to - from) / Threads;
        var workers = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            for (var i = from + (t * share); i < from + ((t + 1) * share); i++)
            {
                collector.RecordHttpRequest(new HttpRequestMetric("GET", "/api/items/" + i.ToString(CultureInfo.InvariantCulture), 200, TimeSpan.FromMilliseconds(3)));
            }
        })).ToArray();
        foreach (var worker in workers)
        {
            worker.Start();
        }

        foreach (var worker in workers)
        {
            Assert.True(worker.Join(TimeSpan.FromSeconds(60)), "recording did not finish within 60 s");
        }
    }
}
