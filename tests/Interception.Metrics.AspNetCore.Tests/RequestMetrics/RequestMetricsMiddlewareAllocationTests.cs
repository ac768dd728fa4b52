using Interception.Metrics.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace Interception.Metrics.AspNetCore.Tests.RequestMetrics;

/// <summary>
/// What the middleware allocates of its own per request, against the same terminal without it (into the Prometheus
/// backend, as in the benchmarks): nothing for a routed request that completes synchronously; the stand-in endpoint
/// feature when routing has not chosen an endpoint yet; the recording step and the task handed back when the pipeline
/// completes later.
/// </summary>
public sealed class RequestMetricsMiddlewareAllocationTests(ITestOutputHelper output)
{
    private const int Requests = 2_000;
    private const int Rounds = 3;

    private static readonly Endpoint Orders = new RouteEndpoint(
        _ => Task.CompletedTask, RoutePatternFactory.Parse("/orders/{id:int}"), 0, EndpointMetadataCollection.Empty, "orders");

    [Fact]
    public void InvokeAsync_RoutedRequestCompletedSynchronously_AllocatesNothingOfItsOwn()
    {
        RequestDelegate middleware = Middleware(Terminal).InvokeAsync;

        var ours = BytesPerRequest(() => Run(middleware, Routed()));
        var plain = BytesPerRequest(() => Run(Terminal, Routed()));
        output.WriteLine($"routed, synchronous: {ours - plain} B of its own ({ours} B with the middleware, {plain} B without)");

        Assert.Equal(plain, ours);
    }

    [Fact]
    public void InvokeAsync_RequestNotRoutedYet_AllocatesOnlyTheEndpointStandIn()
    {
        RequestDelegate middleware = Middleware(Terminal).InvokeAsync;

        var ours = BytesPerRequest(() => Run(middleware, NotRoutedYet()));
        var plain = BytesPerRequest(() => Run(Terminal, NotRoutedYet()));
        output.WriteLine($"not routed yet, synchronous: {ours - plain} B of its own");

        // One object: a header and four references.
        Assert.Equal(48, ours - plain);
    }

    [Fact]
    public void InvokeAsync_PipelineCompletesLater_AllocatesTheRecordingStepAndTheTaskHandedBack()
    {
        TaskCompletionSource? pending = null;
        RequestDelegate later = _ => (pending = new TaskCompletionSource()).Task;
        RequestDelegate middleware = Middleware(later).InvokeAsync;

        var ours = BytesPerRequest(() => RunCompletingLater(middleware, Routed(), () => pending!));
        var plain = BytesPerRequest(() => RunCompletingLater(later, Routed(), () => pending!));
        output.WriteLine($"routed, completing later: {ours - plain} B of its own");

        Assert.InRange(ours - plain, 1, 320);
    }

    private static Task Terminal(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        return Task.CompletedTask;
    }

    private static RequestMetricsMiddleware Middleware(RequestDelegate next)
    {
        var collector = new MetricsCollectorService(new PrometheusMetricsBackend());
        return new RequestMetricsMiddleware(next, collector.Backend, new RequestMetricsOptions(), NullLogger.Instance);
    }

    private static DefaultHttpContext Routed()
    {
        var context = NotRoutedYet();
        context.SetEndpoint(Orders);
        return context;
    }

    // As on Kestrel: the request has an endpoint feature whose endpoint routing has not set yet.
    private static DefaultHttpContext NotRoutedYet()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = "/orders/42";
        context.Features.Set<IEndpointFeature>(new EndpointHolder());
        return context;
    }

    private static void Run(RequestDelegate pipeline, HttpContext context) => pipeline(context).GetAwaiter().GetResult();

    private static void RunCompletingLater(RequestDelegate pipeline, HttpContext context, Func<TaskCompletionSource> pending)
    {
        var task = pipeline(context);
        pending().SetResult();
        task.GetAwaiter().GetResult();
    }

    private static long BytesPerRequest(Action request)
    {
        for (var i = 0; i < 100; i++)
        {
            request();
        }

        // The least of a few rounds: a one-off allocation on this thread (a method's first tier-up, a lazily built
        // cache) must not pass for a per-request cost.
        var least = long.MaxValue;
        for (var round = 0; round < Rounds; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < Requests; i++)
            {
                request();
            }

            least = Math.Min(least, (GC.GetAllocatedBytesForCurrentThread() - before) / Requests);
        }

        return least;
    }

    private sealed class EndpointHolder : IEndpointFeature
    {
        public Endpoint? Endpoint { get; set; }
    }
}
