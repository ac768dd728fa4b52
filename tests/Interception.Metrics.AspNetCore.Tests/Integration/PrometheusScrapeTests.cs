using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Interception.Metrics.AspNetCore.Tests.TestSupport;
using Interception.Metrics.Prometheus.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Interception.Metrics.AspNetCore.Tests.Integration;

/// <summary>
/// A real Prometheus server scrapes a real web application's <c>MapMetricsEndpoint</c> by <c>localhost</c>, the way a
/// user's <c>prometheus.yml</c> would, and <c>promtool check metrics</c> reads its exposition.
/// </summary>
public sealed class PrometheusScrapeTests(ITestOutputHelper output)
{
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Prometheus_ScrapesMapMetricsEndpointByLocalhost_QueryReturnsTheRequestCounts()
    {
        var binary = ExternalTool.Find("prometheus", output);
        if (binary is null)
        {
            return;
        }

        var scrapes = new ConcurrentQueue<(string Accept, string? ContentType)>();
        await using var app = await TestWebApp.StartAsync(a =>
        {
            a.Use(async (context, next) =>
            {
                await next(context);
                if (context.Request.Path == "/metrics")
                {
                    scrapes.Enqueue((context.Request.Headers.Accept.ToString(), context.Response.ContentType));
                }
            });
            a.UseRequestMetrics();
            a.MapMetricsEndpoint();
            a.MapGet("/orders/{id:int}", (int id) => id);
            a.MapPost("/orders", () => Results.Created("/orders/1", null));
        });
        for (var id = 0; id < 4; id++)
        {
            await app.GetStringAsync($"/orders/{id}");
        }

        for (var i = 0; i < 2; i++)
        {
            using var created = await app.Client.PostAsync(new Uri("orders", UriKind.Relative), null);
        }

        for (var i = 0; i < 3; i++)
        {
            using var missing = await app.Client.GetAsync(new Uri($"wp-admin/{i}.php", UriKind.Relative));
        }

        using var prometheus = await PrometheusServerProcess.StartAsync(binary, $"localhost:{app.Address.Port.ToString(CultureInfo.InvariantCulture)}", "/metrics");
        (string Method, string Endpoint, string Status, double Value)[] expected =
        [
            ("GET", "/orders/{id:int}", "200", 4),
            ("POST", "/orders", "201", 2),
            ("GET", "unmatched", "404", 3),
        ];

        var actual = await WaitForAsync(prometheus, "http_requests_total", series => series.Length == expected.Length && expected.All(series.Contains));

        Assert.True(
            expected.Order().SequenceEqual(actual.Order()),
            $"Prometheus returned [{string.Join(", ", actual)}]; targets: {await prometheus.TargetsAsync()}{Environment.NewLine}{prometheus.Log}");
        var (accept, contentType) = Assert.Single(scrapes.Take(1));
        output.WriteLine($"Prometheus sent Accept: {accept}; answered {contentType}.");
        Assert.Contains("application/openmetrics-text", accept, StringComparison.Ordinal);
        Assert.Equal(MetricsExpositionFormats.OpenMetricsContentType, contentType);
    }

    // promtool check metrics reads the text format 0.0.4 only: on OpenMetrics it reports every counter as having
    // no help text (the family is named without _total there). OpenMetrics is checked by the scrape test above,
    // where Prometheus negotiates it and ingests the exact counts.
    [Fact]
    public async Task PromtoolCheckMetrics_EndpointTextExposition_ReportsNoProblems()
    {
        var promtool = ExternalTool.Find("promtool", output);
        if (promtool is null)
        {
            return;
        }

        await using var app = await TestWebApp.StartAsync(a =>
        {
            a.UseRequestMetrics(o => o.TrackInProgress = true);
            a.MapMetricsEndpoint();
            a.MapGet("/orders/{id:int}", (int id) => id);
            a.MapGet("/boom", string () => throw new InvalidOperationException("boom"));
        });
        await app.GetStringAsync("/orders/1");
        using (await app.Client.GetAsync(new Uri("boom", UriKind.Relative)))
        using (await app.Client.GetAsync(new Uri("nowhere", UriKind.Relative)))
        {
        }

        var exposition = await app.GetStringAsync("/metrics");
        var result = await ProcessRunner.RunAsync(promtool, ["check", "metrics"], exposition, TimeSpan.FromSeconds(30));

        output.WriteLine(result.ToString());
        Assert.True(
            result.ExitCode == 0 && result.StandardOutput.Trim().Length == 0 && result.StandardError.Trim().Length == 0,
            $"promtool check metrics reported problems: {result}{Environment.NewLine}exposition:{Environment.NewLine}{exposition}");
        Assert.Contains("endpoint=\"/boom\",status=\"500\"", exposition, StringComparison.Ordinal);
        Assert.Contains("http_requests_in_progress", exposition, StringComparison.Ordinal);
    }

    private static async Task<(string Method, string Endpoint, string Status, double Value)[]> WaitForAsync(
        PrometheusServerProcess prometheus,
        string query,
        Func<(string Method, string Endpoint, string Status, double Value)[], bool> done)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var series = (await prometheus.QueryAsync(query))
                .Select(s => (s.Labels["method"], s.Labels["endpoint"], s.Labels["status"], s.Value))
                .ToArray();
            if (done(series) || deadline.Elapsed > QueryTimeout)
            {
                return series;
            }

            await Task.Delay(500);
        }
    }
}
