using System.Diagnostics;
using Castle.DynamicProxy;

namespace Interception.Benchmarks.Peers;

/// <summary>
/// Castle.Core.AsyncInterceptor's <see cref="AsyncTimingInterceptor"/> recording the same two series as ours, on
/// pre-bound children. The base class allocates a <see cref="Stopwatch"/> per call and, for a task, an async
/// wrapper; it treats a <see cref="ValueTask{TResult}"/> as a synchronous return.
/// </summary>
public sealed class PrometheusAsyncTimingInterceptor(PeerSeries series) : AsyncTimingInterceptor
{
    /// <inheritdoc />
    protected override void StartingTiming(IInvocation invocation)
    {
    }

    /// <inheritdoc />
    protected override void CompletedTiming(IInvocation invocation, Stopwatch stopwatch)
    {
        ArgumentNullException.ThrowIfNull(stopwatch);
        series.BoundDuration.Observe(stopwatch.Elapsed.TotalSeconds);
        series.Success.Inc();
    }
}
