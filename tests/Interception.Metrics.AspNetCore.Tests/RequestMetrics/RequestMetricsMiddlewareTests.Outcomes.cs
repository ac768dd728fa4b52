using Interception.Metrics.AspNetCore;
using Interception.Metrics.AspNetCore.Tests.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Interception.Metrics.AspNetCore.Tests.RequestMetrics;

/// <summary>The middleware alone, on a routed <see cref="DefaultHttpContext"/>: what it hands back and what it does when recording fails.</summary>
public sealed partial class RequestMetricsMiddlewareTests
{
    private static readonly Endpoint Orders = new RouteEndpoint(
        _ => Task.CompletedTask, RoutePatternFactory.Parse("/orders/{id:int}"), 0, EndpointMetadataCollection.Empty, "orders");

    [Fact]
    public async Task InvokeAsync_PipelineFaultsWithAnOperationCanceledExceptionAndAnother_ReturnsAFaultedTaskWithBothExceptions()
    {
        var memory = new InMemoryMetricsBackend();
        var source = new TaskCompletionSource();
        var middleware = Middleware(_ => source.Task, memory);
        Exception[] thrown = [new OperationCanceledException("not a cancellation"), new InvalidOperationException("second")];

        var returned = middleware.InvokeAsync(RoutedRequest());
        source.SetException(thrown);
        await Assert.ThrowsAnyAsync<Exception>(() => returned);

        Assert.Equal(TaskStatus.Faulted, returned.Status);
        Assert.Equal(thrown, returned.Exception!.InnerExceptions);
        Assert.Equal(1, Requests(memory, 500));
    }

    [Fact]
    public async Task InvokeAsync_PipelineCanceled_ReturnsACanceledTaskWithTheSameToken()
    {
        var memory = new InMemoryMetricsBackend();
        var source = new TaskCompletionSource();
        using var cancellation = new CancellationTokenSource();
        var middleware = Middleware(_ => source.Task, memory);

        var returned = middleware.InvokeAsync(RoutedRequest());
        await cancellation.CancelAsync();
        source.SetCanceled(cancellation.Token);
        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => returned);

        Assert.Equal(TaskStatus.Canceled, returned.Status);
        Assert.Equal(cancellation.Token, exception.CancellationToken);
        Assert.Equal(1, Requests(memory, 500));
    }

    [Fact]
    public async Task InvokeAsync_PipelineFaultsLater_ReturnsTheSameExceptionInstance()
    {
        var memory = new InMemoryMetricsBackend();
        var source = new TaskCompletionSource();
        var middleware = Middleware(_ => source.Task, memory);
        var thrown = new InvalidOperationException("boom");

        var returned = middleware.InvokeAsync(RoutedRequest());
        source.SetException(thrown);

        Assert.Same(thrown, await Assert.ThrowsAsync<InvalidOperationException>(() => returned));
        Assert.Equal(1, Requests(memory, 500));
    }

    [Fact]
    public async Task InvokeAsync_BackendThrowsOnBindWithInProgressTracked_RequestCompletesAsItWouldAndTheFailureIsLoggedOnce()
    {
        var logger = new RecordingLogger();
        var middleware = new RequestMetricsMiddleware(
            context =>
            {
                context.Response.StatusCode = 201;
                return Task.CompletedTask;
            },
            new BindFailingBackend(),
            new RequestMetricsOptions { TrackInProgress = true },
            logger);
        var first = RoutedRequest();
        var second = RoutedRequest();

        await middleware.InvokeAsync(first);
        await middleware.InvokeAsync(second);

        Assert.Equal(201, first.Response.StatusCode);
        Assert.Equal(201, second.Response.StatusCode);
        var error = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.IsType<NotSupportedException>(error.Exception);
    }

    [Fact]
    public async Task InvokeAsync_BackendAndLoggerThrow_RequestCompletesAsItWould()
    {
        var middleware = new RequestMetricsMiddleware(
            context =>
            {
                context.Response.StatusCode = 202;
                return Task.CompletedTask;
            },
            new BindFailingBackend(),
            new RequestMetricsOptions { TrackInProgress = true },
            new ThrowingLogger());
        var request = RoutedRequest();

        await middleware.InvokeAsync(request);

        Assert.Equal(202, request.Response.StatusCode);
    }

    [Fact]
    public async Task InvokeAsync_TwoEndpointsWithOneRoutePatternInProgress_GaugeCountsBoth()
    {
        // As MVC's conventional routes have it: several endpoints, one route pattern, so one series.
        var memory = new InMemoryMetricsBackend();
        var collector = new MetricsCollectorService(memory);
        collector.Backend.InitializeMetric(MetricCatalogue.InProgress(MetricKind.Http));
        var otherOrders = new RouteEndpoint(
            _ => Task.CompletedTask, RoutePatternFactory.Parse("/orders/{id:int}"), 0, EndpointMetadataCollection.Empty, "orders, again");
        double? during = null;
        RequestMetricsMiddleware? middleware = null;
        middleware = new RequestMetricsMiddleware(
            async context =>
            {
                if (context.GetEndpoint() == Orders)
                {
                    var inner = RoutedRequest();
                    inner.SetEndpoint(otherOrders);
                    await middleware!.InvokeAsync(inner);
                }
                else
                {
                    during = memory.GetGauge(MetricNames.HttpRequestsInProgress, ("method", "GET"), ("endpoint", "/orders/{id:int}"));
                }
            },
            collector.Backend,
            new RequestMetricsOptions { TrackInProgress = true },
            NullLogger.Instance);

        await middleware.InvokeAsync(RoutedRequest());

        Assert.Equal(2, during);
        Assert.Equal(0, memory.GetGauge(MetricNames.HttpRequestsInProgress, ("method", "GET"), ("endpoint", "/orders/{id:int}")));
    }

    private static RequestMetricsMiddleware Middleware(RequestDelegate next, InMemoryMetricsBackend memory)
    {
        var collector = new MetricsCollectorService(memory);
        return new RequestMetricsMiddleware(next, collector.Backend, new RequestMetricsOptions(), NullLogger.Instance);
    }

    private static DefaultHttpContext RoutedRequest()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = "/orders/42";
        context.SetEndpoint(Orders);
        return context;
    }

    private static double Requests(InMemoryMetricsBackend memory, int status) =>
        memory.GetCounter(MetricNames.HttpRequests, ("method", "GET"), ("endpoint", "/orders/{id:int}"), ("status", status.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
