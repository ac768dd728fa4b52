using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace Interception.Metrics.DynamicProxy.Tests.Fixtures;

/// <summary>Every return-type family the interceptor handles.</summary>
public interface IOrders
{
    [MetricsTimer]
    int Count(int value);

    [MetricsTimer]
    void Touch();

    [MetricsTimer]
    int Throw(Exception exception);

    [MetricsTimer]
    Task RunAsync(Task inner);

    [MetricsTimer]
    Task<int> GetAsync(Task<int> inner);

    [MetricsTimer]
    Task DelayAsync(TimeSpan delay);

    [MetricsTimer]
    ValueTask RunValueAsync(ValueTask inner);

    [MetricsTimer]
    ValueTask<int> GetValueAsync(ValueTask<int> inner);

    [MetricsTimer]
    IAsyncEnumerable<int> StreamAsync(IAsyncEnumerable<int> inner);

    [MetricsTimer]
    Task<T> EchoAsync<T>(T value);

    [MetricsTimer]
    T Echo<T>(T value);

    [MetricsTimer(MetricKind.Http, Name = "/orders", HttpMethod = "POST")]
    HttpResponseMessage Post(HttpStatusCode code);

    [MetricsTimer(MetricKind.Http, Name = "/orders/async")]
    Task<HttpResponseMessage> PostAsync(Task<HttpResponseMessage> inner);

    [MetricsTimer(MetricKind.Http, Name = "/orders/plain")]
    Task PlainHttpAsync(Task inner);

    [MetricsTimer(MetricKind.Database, Name = "select_orders", Labels = ["shard=eu", "team=core"])]
    int Query();

    [MetricsTimer(Labels = ["nokey"])]
    [SuppressMessage("Naming", "INTM006:Malformed Labels entry", Justification = "Malformed on purpose: the interceptor must let this call proceed untimed.")]
    int BadLabels();

    [CollectSystemMetrics]
    [MetricsTimer]
    int WithSystemMetrics();

    int Untimed();
}
