using System.Net;
using Interception.Metrics.Prometheus;
using Microsoft.Extensions.Logging;

namespace Interception.Metrics.Prometheus.Tests.Server;

/// <summary>What the standalone server does when the exposition cannot be rendered, and how it stops.</summary>
public sealed partial class PrometheusMetricsServerTests
{
    [Fact]
    public async Task Server_ExpositionThrowsBeforeWriting_Answers503AndLogsTheException()
    {
        var port = FreePort.Next();
        var logger = new RecordingLogger<PrometheusMetricsBackend>();
        var exposition = new FailingExposition(writeFirst: false);
        using var host = Host(exposition, port, logger);

        using var response = await _http.GetAsync(new Uri($"http://127.0.0.1:{port}/metrics"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(ScrapeFailedBody, await response.Content.ReadAsStringAsync());
        Assert.Same(exposition.Failure, LoggedWarning(logger));
    }

    [Fact]
    public async Task Server_ExpositionFailsAfterWritingPart_CutsTheResponseAndLogsTheException()
    {
        var port = FreePort.Next();
        var logger = new RecordingLogger<PrometheusMetricsBackend>();
        var exposition = new FailingExposition(writeFirst: true);
        using var host = Host(exposition, port, logger);

        // The scraper must not take the part written for a whole exposition: the response is cut off.
        await Assert.ThrowsAsync<HttpRequestException>(() => _http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics")));

        Assert.Same(exposition.Failure, LoggedWarning(logger));
    }

    [Fact]
    public async Task DisposeAsync_ScrapeInFlight_ReturnsWithoutBlockingAndStopsOnceTheScrapeEnds()
    {
        var port = FreePort.Next();
        var backend = Serve(port);
        var scraping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        backend.Registry.AddBeforeCollectCallback(async _ =>
        {
            scraping.TrySetResult();
            await release.Task;
        });
        var scrape = _http.GetAsync(new Uri($"http://127.0.0.1:{port}/metrics"));
        await scraping.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var disposing = backend.DisposeAsync();
        var returnedAtOnce = !disposing.IsCompleted;
        release.SetResult();
        using var response = await scrape;
        await disposing;

        Assert.True(returnedAtOnce, "DisposeAsync blocked the calling thread until the server stopped.");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Assert.ThrowsAsync<HttpRequestException>(() => _http.GetAsync(new Uri($"http://127.0.0.1:{port}/metrics")));
    }

    private const string ScrapeFailedBody = "Scrape failed: the metrics could not be rendered; see the application's log.\n";

    /// <summary>The exception of the one entry logged with an exception, which must be a warning.</summary>
    private static Exception? LoggedWarning(RecordingLogger logger)
    {
        var logged = Assert.Single(logger.Entries, e => e.Exception is not null);
        Assert.Equal(LogLevel.Warning, logged.Level);
        return logged.Exception;
    }

    private static MetricServerHost Host(IMetricsExposition exposition, int port, ILogger logger) =>
        MetricServerHost.Start(exposition, new PrometheusServerOptions { Enabled = true, Host = "127.0.0.1", Port = port }, logger);

    /// <summary>An exposition of an application's own that fails, at once or after writing the start of a metric.</summary>
    private sealed class FailingExposition(bool writeFirst) : IMetricsExposition
    {
        public InvalidOperationException Failure { get; } = new("collector broke midway");

        public string ContentType => PrometheusMetricsBackend.TextContentType;

        public string GetMetricsOutput() => throw Failure;

        public async Task WriteMetricsAsync(Stream destination, CancellationToken cancellationToken = default)
        {
            if (!writeFirst)
            {
                throw Failure;
            }

            await destination.WriteAsync("# HELP orders_total Orders.\n# TYPE orders_total counter\norders_total 1\n"u8.ToArray(), cancellationToken);
            await destination.FlushAsync(cancellationToken);
            throw Failure;
        }
    }
}
