using System.Diagnostics;
using Castle.DynamicProxy;
using Prometheus;

namespace Interception.Benchmarks.Peers;

/// <summary>
/// The least a Castle-based timer can do: two <see cref="Stopwatch.GetTimestamp"/> reads around
/// <see cref="IInvocation.Proceed"/> and the two pre-bound prometheus-net children, with no status, no failure
/// handling and no plan. It is the floor the targets are measured against, not a usable interceptor: it records
/// a synchronous return or an already completed task, and times an incomplete task only until it is returned.
/// </summary>
public sealed class TimingFloorInterceptor(PeerSeries series) : IInterceptor
{
    private readonly Counter.Child _success = series.Success;
    private readonly Histogram.Child _duration = series.BoundDuration;

    /// <inheritdoc />
    public void Intercept(IInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var start = Stopwatch.GetTimestamp();
        invocation.Proceed();
        _duration.Observe(Stopwatch.GetElapsedTime(start).TotalSeconds);
        _success.Inc();
    }
}
