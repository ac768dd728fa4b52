using Interception.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace Interception.Benchmarks.Web;

/// <summary>
/// The request-metrics middlewares alone, in front of a terminal that answers 200: what each adds to a request, without
/// a server around it. The request is already routed to a <see cref="RouteEndpoint"/> for <c>/orders/{id:int}</c>, as
/// <c>WebApplication</c>'s routing leaves it.
/// </summary>
internal static class IsolatedPipelines
{
    public static Endpoint OrdersEndpoint { get; } = new RouteEndpoint(
        _ => Task.CompletedTask,
        RoutePatternFactory.Parse("/orders/{id:int}"),
        0,
        EndpointMetadataCollection.Empty,
        "GET /orders/{id:int}");

    public static RequestDelegate Plain() => Build(new ServiceCollection().BuildServiceProvider(), _ => { });

    public static RequestDelegate Ours(bool inProgress)
    {
        var services = new ServiceCollection()
            .AddSingleton(new MetricsCollectorService(new PrometheusMetricsBackend()))
            .BuildServiceProvider();
        return Build(services, app => app.UseRequestMetrics(o => o.TrackInProgress = inProgress));
    }

    public static RequestDelegate PrometheusNet()
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(Prometheus.Metrics.NewCustomRegistry());
        factory.ExemplarBehavior = ExemplarBehavior.NoExemplars();
        return Build(new ServiceCollection().BuildServiceProvider(), app => app.UseHttpMetrics(o => o.SetMetricFactory(factory)));
    }

    /// <summary>A routed <c>GET /orders/42</c>.</summary>
    public static HttpContext NewRequest()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = "/orders/42";
        context.SetEndpoint(OrdersEndpoint);
        return context;
    }

    private static RequestDelegate Build(IServiceProvider services, Action<IApplicationBuilder> middleware)
    {
        var app = new ApplicationBuilder(services);
        middleware(app);
        app.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            return Task.CompletedTask;
        });
        return app.Build();
    }
}
