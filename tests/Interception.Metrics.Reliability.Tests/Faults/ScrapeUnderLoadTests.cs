using System.Globalization;
using System.Net;
using Autofac;
using Interception.Metrics.Autofac.Tests.TestSupport;
using Interception.Metrics.Reliability.Tests.Fixtures;
using Interception.Metrics.Reliability.Tests.TestSupport;
using Xunit.Abstractions;

namespace Interception.Metrics.Reliability.Tests.Faults;

/// <summary>
/// Scrapes of the <c>/metrics</c> endpoint in a loop while 8 threads record: every scrape succeeds with a
/// well-formed exposition, totals only grow, and the final totals are exact.
/// </summary>
public sealed class ScrapeUnderLoadTests(ITestOutputHelper output)
{
    private const int Threads = 8;
    private const int CallsPerThread = 20_000;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ScrapeLoop_WhileEightThreadsRecord_EveryScrapeSucceedsAndFinalTotalsExact()
    {
        var port = FreePort.Next();
        using var container = MetricsContainer.Build(
            b => b.RegisterType<LoadTarget>().As<ILoadTarget>(),
            ("Metrics:Backends:Prometheus:Server:Enabled", "true"),
            ("Metrics:Backends:Prometheus:Server:Port", port.ToString(CultureInfo.InvariantCulture)));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var endpoint = new Uri($"http://127.0.0.1:{port}/metrics");
        using var done = new CancellationTokenSource();
        var totals = new List<double>();

        var scraping = Task.Run(async () =>
        {
            while (true)
            {
                // The scrape that starts after the load ended is the last one: it must see every call.
                var last = done.IsCancellationRequested;
                using var response = await http.GetAsync(endpoint);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var exposition = PrometheusExposition.Parse(await response.Content.ReadAsStringAsync());
                totals.Add(exposition.Sum(MetricNames.FunctionCalls));
                if (last && totals.Count >= 3)
                {
                    return;
                }
            }
        });
        var made = await Task.Run(() => LoadDriver.RunOnThreads(container.Resolve<ILoadTarget>, Threads, CallsPerThread, Timeout));
        await done.CancelAsync();
        await scraping.WaitAsync(Timeout);

        output.WriteLine($"{totals.Count} scrapes while {made.Calls:N0} calls were recorded; totals seen: {string.Join(", ", totals.Take(20))}...");
        Assert.True(totals.Count >= 3, $"only {totals.Count} scrapes");
        for (var i = 1; i < totals.Count; i++)
        {
            Assert.True(totals[i] >= totals[i - 1], $"scrape {i} saw {totals[i]} calls after {totals[i - 1]}");
        }

        Assert.Equal(made.Calls, totals[^1]);
        var final = PrometheusExposition.Parse(await http.GetStringAsync(endpoint));
        foreach (var ((method, status), count) in made.Counts)
        {
            Assert.Equal(count, final.Value(MetricNames.FunctionCalls, ("function", $"{nameof(LoadTarget)}.{method}"), ("status", status)));
        }

        Assert.Equal(made.Calls, final.Sum(MetricNames.FunctionDuration + "_count"));
        Assert.Equal(container.Memory().GetSamples(MetricNames.FunctionCalls).Sum(s => s.Value), made.Calls);
    }
}
