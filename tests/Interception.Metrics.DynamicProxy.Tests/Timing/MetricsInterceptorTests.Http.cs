using System.Net;
using Interception.Metrics.DynamicProxy.Tests.Fixtures;

namespace Interception.Metrics.DynamicProxy.Tests.Timing;

public abstract partial class MetricsInterceptorTests
{
    private static double HttpCalls(InterceptorHarness harness, string method, string endpoint, string status) =>
        harness.Memory.GetCounter(MetricNames.HttpRequests, ("method", method), ("endpoint", endpoint), ("status", status));

    [Fact]
    public void Intercept_HttpResponse_RecordsItsStatusCodeAndMethod()
    {
        var harness = Harness();

        using var response = harness.Proxy.Post(HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(1, HttpCalls(harness, "POST", "/orders", "404"));
        Assert.Equal(1, harness.Memory.GetHistogram(MetricNames.HttpRequestDuration, ("method", "POST"), ("endpoint", "/orders")).Count);
    }

    [Fact]
    public async Task Intercept_HttpTaskOfResponse_RecordsStatusCodeWhenItCompletes()
    {
        var harness = Harness();
        var source = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);

        var returned = harness.Proxy.PostAsync(source.Task);
        source.SetResult(new HttpResponseMessage(HttpStatusCode.Created));
        using var response = await returned;

        Assert.Equal(1, HttpCalls(harness, "GET", "/orders/async", "201"));
    }

    [Fact]
    public async Task Intercept_HttpFailureAndCancellation_Record500And499()
    {
        var harness = Harness();

        await Assert.ThrowsAsync<HttpRequestException>(() => harness.Proxy.PostAsync(Task.FromException<HttpResponseMessage>(new HttpRequestException())));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Proxy.PostAsync(Task.FromCanceled<HttpResponseMessage>(new CancellationToken(true))));
        await harness.Proxy.PlainHttpAsync(Task.CompletedTask);

        Assert.Equal(1, HttpCalls(harness, "GET", "/orders/async", "500"));
        Assert.Equal(1, HttpCalls(harness, "GET", "/orders/async", "499"));
        Assert.Equal(1, HttpCalls(harness, "GET", "/orders/plain", "200"));
    }
}
