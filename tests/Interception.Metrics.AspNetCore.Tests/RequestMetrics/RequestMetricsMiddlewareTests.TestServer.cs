using System.Net;
using Autofac;
using Autofac.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Interception.Metrics.AspNetCore.Tests.RequestMetrics;

/// <summary>
/// The middleware on <see cref="TestServer"/>, the in-memory host of <c>WebApplicationFactory</c> integration tests: its
/// requests carry fewer features than Kestrel's (no endpoint feature until routing sets one), and the client reads the
/// end of a response only after the whole pipeline has ended, so the recording is done by then.
/// </summary>
public sealed partial class RequestMetricsMiddlewareTests
{
    [Fact]
    public async Task UseRequestMetrics_OnTestServerWithRoutingAndStatusCodePagesAfterIt_CountsTheOriginalEndpoints()
    {
        var hadEndpointFeature = new List<bool>();
        await using var app = await TestServerApp(a =>
        {
            a.Use((context, next) =>
            {
                hadEndpointFeature.Add(context.Features.Get<IEndpointFeature>() is not null);
                return next(context);
            });
            a.UseRequestMetrics();
            a.UseStatusCodePagesWithReExecute("/status/{0}");
            a.UseRouting();
            a.MapGet("/orders/{id:int}", (int id) => id);
            a.MapGet("/missing/{id}", (string id) => Results.NotFound());
            a.MapGet("/status/{code}", (int code) => $"status page {code}");
        });
        using var client = app.GetTestClient();

        using var order = await client.GetAsync(new Uri("/orders/7", UriKind.Relative));
        using var missing = await client.GetAsync(new Uri("/missing/1", UriKind.Relative));
        using var nowhere = await client.GetAsync(new Uri("/no/such/page", UriKind.Relative));

        Assert.Equal([false, false, false], hadEndpointFeature);
        Assert.Equal("7", await order.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("status page 404", await missing.Content.ReadAsStringAsync());
        Assert.Equal("status page 404", await nowhere.Content.ReadAsStringAsync());
        Assert.Equal(
            [("GET", "/missing/{id}", "404", 1.0), ("GET", "/orders/{id:int}", "200", 1.0), ("GET", "unmatched", "404", 1.0)],
            RequestSeries(app).Order());
    }

    private static async Task<WebApplication> TestServerApp(Action<WebApplication> configure)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection([new("Metrics:Backends:InMemory:Enabled", "true")]);
        builder.Host.UseServiceProviderFactory(new AutofacServiceProviderFactory());
        builder.Host.ConfigureContainer<ContainerBuilder>((_, container) => container.RegisterModule(new MetricsModule(builder.Configuration)));
        var app = builder.Build();
        configure(app);
        await app.StartAsync();
        return app;
    }

    private static IEnumerable<(string Method, string Endpoint, string Status, double Value)> RequestSeries(WebApplication app) =>
        app.Services.GetRequiredService<MultiMetricsBackend>().Backends.OfType<InMemoryMetricsBackend>().Single()
            .GetSamples(MetricNames.HttpRequests)
            .Select(s => (s.Labels["method"], s.Labels["endpoint"], s.Labels["status"], s.Value));
}
