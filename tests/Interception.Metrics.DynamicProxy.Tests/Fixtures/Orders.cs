using System.Diagnostics;
using System.Net;

namespace Interception.Metrics.DynamicProxy.Tests.Fixtures;

/// <summary>Returns or throws whatever the test hands it, so that the test controls completion.</summary>
public sealed class Orders : IOrders
{
    public int UntimedCalls { get; private set; }

    public int Count(int value) => value * 2;

    public void Touch()
    {
    }

    public int Throw(Exception exception) => throw exception;

    public Task RunAsync(Task inner) => inner;

    public Task<int> GetAsync(Task<int> inner) => inner;

    public async Task DelayAsync(TimeSpan delay)
    {
        // Task.Delay may wake up to a timer tick early; wait until a stopwatch agrees the delay has passed.
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < delay)
        {
            await Task.Delay(delay - Stopwatch.GetElapsedTime(started) + TimeSpan.FromMilliseconds(1));
        }
    }

    public ValueTask RunValueAsync(ValueTask inner) => inner;

    public ValueTask<int> GetValueAsync(ValueTask<int> inner) => inner;

    public IAsyncEnumerable<int> StreamAsync(IAsyncEnumerable<int> inner) => inner;

    public Task<T> EchoAsync<T>(T value) => Task.FromResult(value);

    public T Echo<T>(T value) => value;

    public HttpResponseMessage Post(HttpStatusCode code) => new(code);

    public Task<HttpResponseMessage> PostAsync(Task<HttpResponseMessage> inner) => inner;

    public Task PlainHttpAsync(Task inner) => inner;

    public int Query() => 7;

    public int BadLabels() => 11;

    public int WithSystemMetrics() => 3;

    public int Untimed() => ++UntimedCalls;
}
