using Autofac;
using Autofac.Extensions.DependencyInjection;
using Interception.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Interception.Benchmarks.Web;

/// <summary>
/// The same minimal API application on a <see cref="TestServer"/>, three ways: without request metrics, with
/// <c>UseRequestMetrics</c> (Autofac, <c>MetricsModule</c>, the Prometheus backend; with and without the in-progress
/// gauge), and with prometheus-net's <c>UseHttpMetrics</c> (its defaults, a registry of its own, exemplars off as in ours).
/// </summary>
internal static class RequestPipelines
{
    public static Task<WebApplication> PlainAsync() => StartAsync(metrics: false, app => { });

    public static Task<WebApplication> OursAsync() => StartAsync(metrics: true, app => app.UseRequestMetrics());

    public static Task<WebApplication> OursWithInProgressAsync() =>
        StartAsync(metrics: true, app => app.UseRequestMetrics(o => o.TrackInProgress = true));

    /// <summary>prometheus-net's defaults: request count, duration and the in-progress gauge.</summary>
    public static Task<WebApplication> PrometheusNetAsync()
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(Prometheus.Metrics.NewCustomRegistry());
        factory.ExemplarBehavior = ExemplarBehavior.NoExemplars();
        return StartAsync(metrics: false, app => app.UseHttpMetrics(options => options.SetMetricFactory(factory)));
    }

    /// <summary>Sends one <c>GET /orders/42</c> through the whole pipeline and checks it was answered.</summary>
    public static async Task<int> GetOrderAsync(TestServer server)
    {
        var context = await server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = "/orders/42";
        });
        return context.Response.StatusCode == 200 ? 42 : throw new InvalidOperationException($"GET /orders/42 answered {context.Response.StatusCode}.");
    }

    private static async Task<WebApplication> StartAsync(bool metrics, Action<WebApplication> middleware)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Host.UseServiceProviderFactory(new AutofacServiceProviderFactory());
        if (metrics)
        {
            builder.Configuration.AddInMemoryCollection([new("Metrics:Backends:Prometheus:Enabled", "true")]);
            builder.Host.ConfigureContainer<ContainerBuilder>(c => c.RegisterModule(new MetricsModule(builder.Configuration)));
        }

        var app = builder.Build();
        middleware(app);
        app.MapGet("/orders/{id:int}", (int id) => Results.Text("order", "text/plain"));
        await app.StartAsync();
        return app;
    }
}
