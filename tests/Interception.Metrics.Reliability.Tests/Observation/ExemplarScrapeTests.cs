using System.Diagnostics;
using System.Globalization;
using Autofac;
using Interception.Metrics.Autofac.Tests.TestSupport;
using Interception.Metrics.Reliability.Tests.Fixtures;
using Interception.Metrics.Reliability.Tests.TestSupport;
using Xunit.Abstractions;

namespace Interception.Metrics.Reliability.Tests.Observation;

/// <summary>
/// End to end: timed calls sampled by the OpenTelemetry SDK, scraped from the backend's standalone server (which
/// negotiates OpenMetrics) by a real Prometheus with exemplar storage on; its <c>/api/v1/query_exemplars</c> returns
/// the trace ids of those calls' activities.
/// </summary>
[Collection(IsolatedCollection.Name)]
public sealed class ExemplarScrapeTests(ITestOutputHelper output)
{
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(45);

    [PeerFact]
    public async Task Scrape_OpenMetricsWithExemplarStorage_QueryExemplarsReturnsTheRecordedTraceIds()
    {
        var binary = ExternalTool.Find("prometheus");

        using var traces = new TraceExport();
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        using var container = MetricsContainer.Build(
            b => b.RegisterType<ChannelPublisher>().As<IChannelPublisher>(),
            ("Metrics:Backends:Prometheus:Enabled", "true"),
            ("Metrics:Backends:Prometheus:Server:Enabled", "true"),
            ("Metrics:Backends:Prometheus:Server:Port", port));
        var publisher = container.Resolve<IChannelPublisher>();
        for (var i = 0; i < 5; i++)
        {
            publisher.Publish(Audience.Private, urgent: false, 0);
            await publisher.SaveAsync(Audience.Group, 0);
        }

        var recorded = traces.Spans.Select(s => s.TraceId.ToHexString()).ToHashSet(StringComparer.Ordinal);
        using var prometheus = await PrometheusServerProcess.StartScrapingAsync(binary, $"127.0.0.1:{port}", "/metrics", "--enable-feature=exemplar-storage");

        var functions = await WaitForExemplarsAsync(prometheus, $"{MetricNames.FunctionDuration}_bucket{{function=\"ChannelPublisher.Publish\"}}");
        var queries = await WaitForExemplarsAsync(prometheus, $"{MetricNames.DatabaseQueryDuration}_bucket{{operation=\"save_post\"}}");

        var returned = functions.Concat(queries).Select(e => e.Exemplar["trace_id"]).ToArray();
        output.WriteLine($"Prometheus returned {returned.Length} exemplars.");
        Assert.True(
            functions.Count > 0 && queries.Count > 0,
            $"no exemplars within {QueryTimeout}; targets: {await prometheus.TargetsAsync()}{Environment.NewLine}log:{Environment.NewLine}{prometheus.Log}");
        Assert.All(returned, id => Assert.Contains(id, recorded));
        Assert.All(functions.Concat(queries), e => Assert.Equal(16, e.Exemplar["span_id"].Length));
    }

    private static async Task<IReadOnlyList<(IReadOnlyDictionary<string, string> Series, IReadOnlyDictionary<string, string> Exemplar)>> WaitForExemplarsAsync(
        PrometheusServerProcess prometheus, string query)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var exemplars = await prometheus.QueryExemplarsAsync(query);
            if (exemplars.Count > 0 || deadline.Elapsed > QueryTimeout)
            {
                return exemplars;
            }

            await Task.Delay(500);
        }
    }
}
