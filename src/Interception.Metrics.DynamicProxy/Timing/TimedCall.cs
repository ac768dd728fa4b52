using System.Diagnostics;
using Interception.Metrics.Collection;

namespace Interception.Metrics.Timing;

/// <summary>
/// One call in flight: the series its labels chose, its trace activity (<see langword="null"/> when nobody listens),
/// and its start timestamp. Passed by value from the interceptor to whatever ends the call.
/// </summary>
internal readonly struct TimedCall(OperationSeries series, Activity? activity, long start)
{
    public OperationSeries Series { get; } = series;

    public Activity? Activity { get; } = activity;

    public long Start { get; } = start;
}
