using System.Net;
using Interception.Metrics.AspNetCore.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Interception.Metrics.AspNetCore.Tests.RequestMetrics;

/// <summary>The request middleware in a real Kestrel application with Autofac and <see cref="MetricsModule"/>.</summary>
public sealed class RequestMetricsMiddlewareTests
{
    [Fact]
    public async Task UseRequestMetrics_RequestsToRouteTemplates_CountsPerTemplateEqualRequestsMade()
    {
        await using var app = await TestWebApp.StartAsync(a =>
        {
            a.UseRequestMetrics();
            a.MapGet("/orders/{id:int}", (int id) => Results.Ok(id));
            a.MapPost("/orders", () => Results.Created("/orders/1", null));
            a.MapGet("/", () => "home");
        });

        for (var id = 1; id <= 7; id++)
        {
            using var response = await app.Client.GetAsync(new Uri($"orders/{id}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        for (var i = 0; i < 3; i++)
        {
            using var response = await app.Client.PostAsync(new Uri("orders", UriKind.Relative), null);
        }

        await app.GetStringAsync("/");
        await app.GetStringAsync("/");

        Assert.Equal(7, app.Requests("GET", "/orders/{id:int}", 200));
        Assert.Equal(3, app.Requests("POST", "/orders", 201));
        Assert.Equal(2, app.Requests("GET", "/", 200));
        Assert.Equal(12, app.RequestSeries().Sum(s => s.Value));
        Assert.Equal(3, app.RequestSeries().Count);
        var durations = app.Memory.GetHistogram(MetricNames.HttpRequestDuration, ("method", "GET"), ("endpoint", "/orders/{id:int}"));
        Assert.Equal(7, durations.Count);
        Assert.True(durations.Min > 0, "every request took some time");
    }

    [Fact]
    public async Task UseRequestMetrics_TenThousandDistinctUnmatchedPaths_OneUnmatchedSeries()
    {
        await using var app = await TestWebApp.StartAsync(a =>
        {
            a.UseRequestMetrics();
            a.MapGet("/orders/{id:int}", (int id) => id);
        });

        await Parallel.ForEachAsync(Enumerable.Range(0, 10_000), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            using var response = await app.Client.GetAsync(new Uri($"scan/{Guid.NewGuid():N}/{i}.php", UriKind.Relative), ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        });

        var series = Assert.Single(app.RequestSeries());
        Assert.Equal(("GET", "unmatched", "404", 10_000.0), series);
        Assert.Single(app.Memory.GetSamples(MetricNames.HttpRequestDuration));
    }

    [Fact]
    public async Task UseRequestMetrics_ExceptionHandledByUseExceptionHandler_Counts500WithTheOriginalEndpointAndClientSeesTheSameResponse()
    {
        void Pipeline(WebApplication a)
        {
            a.UseExceptionHandler("/error");
            a.MapGet("/boom/{id}", string (string id) => throw new InvalidOperationException("boom " + id));
            a.MapGet("/error", () => Results.Problem("handled", statusCode: 500));
        }

        await using var withMetrics = await TestWebApp.StartAsync(a =>
        {
            a.UseRequestMetrics();
            Pipeline(a);
        });
        await using var without = await TestWebApp.StartAsync(Pipeline);

        var expected = await Snapshot.OfAsync(without.Client, HttpMethod.Get, "boom/1");
        var actual = await Snapshot.OfAsync(withMetrics.Client, HttpMethod.Get, "boom/1");

        Assert.Equal(500, actual.StatusCode);
        Assert.Equal(expected, actual);
        Assert.Equal(("GET", "/boom/{id}", "500", 1.0), Assert.Single(withMetrics.RequestSeries()));
    }

    [Fact]
    public async Task UseRequestMetrics_MiddlewareAfterUseExceptionHandler_CountsTheRequestOnce()
    {
        await using var app = await TestWebApp.StartAsync(a =>
        {
            a.UseExceptionHandler(error => error.Run(context =>
            {
                context.Response.StatusCode = 500;
                return context.Response.WriteAsync("sorry");
            }));
            a.UseRequestMetrics();
            a.MapGet("/boom", string () => throw new InvalidOperationException("boom"));
        });

        using var response = await app.Client.GetAsync(new Uri("boom", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(("GET", "/boom", "500", 1.0), Assert.Single(app.RequestSeries()));
    }

    [Fact]
    public async Task UseRequestMetrics_UnhandledException_Counts500RethrowsTheSameInstanceAndClientSeesTheSameResponse()
    {
        var thrown = new List<Exception>();
        var seen = new List<Exception>();
        void Pipeline(WebApplication a, bool metrics)
        {
            a.Use(async (context, next) =>
            {
                try
                {
                    await next(context);
                }
                catch (Exception exception)
                {
                    lock (seen)
                    {
                        seen.Add(exception);
                    }

                    throw;
                }
            });
            if (metrics)
            {
                a.UseRequestMetrics();
            }

            a.MapGet("/boom", string () =>
            {
                var exception = new InvalidOperationException("boom");
                lock (thrown)
                {
                    thrown.Add(exception);
                }

                throw exception;
            });
        }

        await using var withMetrics = await TestWebApp.StartAsync(a => Pipeline(a, metrics: true));
        await using var without = await TestWebApp.StartAsync(a => Pipeline(a, metrics: false));

        var expected = await Snapshot.OfAsync(without.Client, HttpMethod.Get, "boom");
        var actual = await Snapshot.OfAsync(withMetrics.Client, HttpMethod.Get, "boom");

        Assert.Equal(500, actual.StatusCode);
        Assert.Equal(expected, actual);
        Assert.Equal(thrown, seen);
        Assert.Equal(("GET", "/boom", "500", 1.0), Assert.Single(withMetrics.RequestSeries()));
    }

    [Fact]
    public async Task UseRequestMetrics_RequestBodyTooLarge_CountsTheStatusKestrelSends()
    {
        // Kestrel answers a BadHttpRequestException that escapes the pipeline with its status code (413 here), not 500.
        await using var app = await TestWebApp.StartAsync(a =>
        {
            a.UseRequestMetrics();
            a.MapPost("/upload", async (HttpContext context) =>
            {
                context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()!.MaxRequestBodySize = 10;
                await context.Request.Body.CopyToAsync(Stream.Null);
                return "stored";
            });
        });

        using var response = await app.Client.PostAsync(new Uri("upload", UriKind.Relative), new ByteArrayContent(new byte[1000]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(("POST", "/upload", "413", 1.0), Assert.Single(app.RequestSeries()));
    }

    [Fact]
    public async Task UseRequestMetrics_ResponseStartedThenThrows_KeepsTheStartedStatusCode()
    {
        await using var app = await TestWebApp.StartAsync(a =>
        {
            a.UseRequestMetrics();
            a.MapGet("/partial", async context =>
            {
                context.Response.StatusCode = 202;
                await context.Response.WriteAsync("part");
                await context.Response.Body.FlushAsync();
                throw new InvalidOperationException("after the headers");
            });
        });

        try
        {
            using var response = await app.Client.GetAsync(new Uri("partial", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
        catch (HttpRequestException)
        {
            // Kestrel aborts the connection of a response that failed midway; the client may see that instead.
        }

        Assert.Equal(("GET", "/partial", "202", 1.0), await Eventually.SingleAsync(app.RequestSeries));
    }

    [Fact]
    public async Task UseRequestMetrics_ClientAbortsTheRequest_Counts499()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await TestWebApp.StartAsync(a =>
        {
            a.UseRequestMetrics();
            a.MapGet("/slow", async (HttpContext context) =>
            {
                entered.TrySetResult();
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
                return "never";
            });
        });
        using var abort = new CancellationTokenSource();

        var request = app.Client.GetAsync(new Uri("slow", UriKind.Relative), abort.Token);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await abort.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);

        Assert.Equal(("GET", "/slow", "499", 1.0), await Eventually.SingleAsync(app.RequestSeries));
    }

    [Theory]
    [InlineData("FOOBAR")]
    [InlineData("PROPFIND")]
    public async Task UseRequestMetrics_CustomVerb_CountsOther(string verb)
    {
        await using var app = await TestWebApp.StartAsync(a =>
        {
            a.UseRequestMetrics();
            a.Map("/any", () => "any verb");
        });

        using var matched = await app.Client.SendAsync(new HttpRequestMessage(new HttpMethod(verb), new Uri("any", UriKind.Relative)));
        using var unmatched = await app.Client.SendAsync(new HttpRequestMessage(new HttpMethod(verb), new Uri("nothing-here", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.OK, matched.StatusCode);
        Assert.Equal(1, app.Requests("OTHER", "/any", 200));
        Assert.Equal(1, app.Requests("OTHER", "unmatched", 404));
        Assert.DoesNotContain(app.RequestSeries(), s => s.Method == verb);
    }

    [Fact]
    public async Task UseRequestMetrics_ScrapesOfTheMetricsEndpoint_AreNotCounted()
    {
        await using var app = await TestWebApp.StartAsync(a =>
        {
            a.UseRequestMetrics();
            a.MapMetricsEndpoint();
            a.MapGet("/work", () => "done");
        });

        await app.GetStringAsync("/work");
        for (var i = 0; i < 5; i++)
        {
            await app.GetStringAsync("/metrics");
        }

        Assert.Equal(("GET", "/work", "200", 1.0), Assert.Single(app.RequestSeries()));
        Assert.DoesNotContain("endpoint=\"/metrics\"", await app.GetStringAsync("/metrics"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseRequestMetrics_IncludeMetricsEndpoint_CountsScrapes()
    {
        await using var app = await TestWebApp.StartAsync(a =>
        {
            a.UseRequestMetrics(o => o.IncludeMetricsEndpoint = true);
            a.MapMetricsEndpoint();
        });

        for (var i = 0; i < 3; i++)
        {
            await app.GetStringAsync("/metrics");
        }

        Assert.Equal(3, app.Requests("GET", "/metrics", 200));
    }

    [Fact]
    public async Task UseRequestMetrics_ExcludedPathsAndDisabledEndpoints_AreNotCounted()
    {
        await using var app = await TestWebApp.StartAsync(a =>
        {
            a.UseRequestMetrics(o => o.ExcludedPaths.Add("/health"));
            a.MapGet("/health", () => "ok");
            a.MapGet("/health/ready", () => "ok");
            a.MapGet("/healthy", () => "counted: another segment");
            a.MapGet("/quiet", () => "ok").DisableHttpMetrics();
        });

        foreach (var path in (string[])["/health", "/HEALTH/ready", "/health/ready", "/healthy", "/quiet"])
        {
            await app.GetStringAsync(path);
        }

        Assert.Equal(("GET", "/healthy", "200", 1.0), Assert.Single(app.RequestSeries()));
    }

    [Fact]
    public async Task UseRequestMetrics_RoutingAfterTheMiddleware_StillLabelsTheRoutePattern()
    {
        await using var app = await TestWebApp.StartAsync(a =>
        {
            a.UseRequestMetrics();
            a.UseRouting();
            a.MapGet("/items/{name}", (string name) => name);
        });

        await app.GetStringAsync("/items/a");
        await app.GetStringAsync("/items/b");

        Assert.Equal(("GET", "/items/{name}", "200", 2.0), Assert.Single(app.RequestSeries()));
    }

    [Fact]
    public async Task UseRequestMetrics_StatusCodePagesReExecute_CountsOnceWithTheOriginalEndpointAndStatus()
    {
        await using var app = await TestWebApp.StartAsync(a =>
        {
            a.UseStatusCodePagesWithReExecute("/status/{0}");
            a.UseRequestMetrics();
            a.MapGet("/missing/{id}", (string id) => Results.NotFound());
            a.MapGet("/status/{code}", (int code) => $"status page {code}");
        });

        using var response = await app.Client.GetAsync(new Uri("missing/1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("status page 404", await response.Content.ReadAsStringAsync());
        Assert.Equal(("GET", "/missing/{id}", "404", 1.0), Assert.Single(app.RequestSeries()));
    }

    [Fact]
    public async Task UseRequestMetrics_TrackInProgress_GaugeShowsRequestsInFlightThenZero()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = 0;
        await using var app = await TestWebApp.StartAsync(a =>
        {
            a.UseRequestMetrics(o => o.TrackInProgress = true);
            a.MapGet("/wait", async () =>
            {
                Interlocked.Increment(ref entered);
                await release.Task;
                return "released";
            });
        });

        var requests = Enumerable.Range(0, 3).Select(_ => app.GetStringAsync("/wait")).ToArray();
        await Eventually.TrueAsync(() => Volatile.Read(ref entered) == 3);
        var during = app.Memory.GetGauge("http_requests_in_progress", ("method", "GET"), ("endpoint", "/wait"));
        release.SetResult();
        await Task.WhenAll(requests);

        Assert.Equal(3, during);
        Assert.Equal(0, app.Memory.GetGauge("http_requests_in_progress", ("method", "GET"), ("endpoint", "/wait")));
        Assert.Equal(3, app.Requests("GET", "/wait", 200));
    }

    [Fact]
    public async Task UseRequestMetrics_InProgressNotTracked_DeclaresNoGauge()
    {
        await using var app = await TestWebApp.StartAsync(a =>
        {
            a.UseRequestMetrics();
            a.MapMetricsEndpoint();
        });

        Assert.DoesNotContain("http_requests_in_progress", await app.GetStringAsync("/metrics"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseRequestMetrics_MetricsDisabled_AddsNothingAndRequestsWork()
    {
        await using var app = await TestWebApp.StartAsync(
            a =>
            {
                a.UseRequestMetrics();
                a.MapGet("/work", () => "done");
            },
            [("Metrics:Enabled", "false")]);

        Assert.Equal("done", await app.GetStringAsync("/work"));
    }

    [Fact]
    public async Task UseRequestMetrics_WithoutTheModule_FailsAtStartupNamingIt()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TestWebApp.StartAsync(a => a.UseRequestMetrics(), registerModule: false));

        Assert.Contains("MetricsModule", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseRequestMetrics_ExcludedPathWithoutLeadingSlash_FailsAtStartup()
    {
        var exception = await Assert.ThrowsAsync<ArgumentException>(() =>
            TestWebApp.StartAsync(a => a.UseRequestMetrics(o => o.ExcludedPaths.Add("health"))));

        Assert.Contains("'health'", exception.Message, StringComparison.Ordinal);
    }
}
