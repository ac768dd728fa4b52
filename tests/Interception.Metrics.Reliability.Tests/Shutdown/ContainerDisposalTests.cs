using System.Globalization;
using System.Net;
using Autofac;
using Interception.Metrics.Autofac.Tests.TestSupport;
using Interception.Metrics.Reliability.Tests.TestSupport;

namespace Interception.Metrics.Reliability.Tests.Shutdown;

/// <summary>
/// Disposing the container asynchronously, as a host does at shutdown, stops the metrics server without blocking a
/// thread while a scrape is still being answered, and leaves its port free.
/// </summary>
public sealed class ContainerDisposalTests
{
    [Fact]
    public async Task DisposeAsync_ScrapeInFlight_ReturnsWithoutBlockingAndFreesThePortOnceTheScrapeEnds()
    {
        var port = FreePort.Next();
        var container = MetricsContainer.Build(
            _ => { },
            ("Metrics:Backends:Prometheus:Server:Enabled", "true"),
            ("Metrics:Backends:Prometheus:Server:Port", port.ToString(CultureInfo.InvariantCulture)));
        var prometheus = container.Resolve<MultiMetricsBackend>().Backends.OfType<PrometheusMetricsBackend>().Single();
        var scraping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        prometheus.Registry.AddBeforeCollectCallback(async _ =>
        {
            scraping.TrySetResult();
            await release.Task;
        });
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var scrape = http.GetAsync(new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/metrics"));
        await scraping.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var disposing = container.DisposeAsync();
        var returnedAtOnce = !disposing.IsCompleted;
        release.SetResult();
        using var response = await scrape;
        await disposing;

        Assert.True(returnedAtOnce, "DisposeAsync blocked the calling thread until the metrics server stopped.");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Ports.CanBind(port), $"port {port} is still held after the container was disposed");
    }
}
