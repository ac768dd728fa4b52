using System.ComponentModel;
using System.Diagnostics;
using Interception.Metrics.Collection;

namespace Interception.Metrics.Timing;

/// <summary>
/// One call in flight: the series its labels chose, its trace activity (<see langword="null"/> when nobody listens),
/// its start timestamp and the activity that was current before it. Passed by value from whatever starts the call
/// (the interceptor, a generated decorator) to whatever ends it.
/// </summary>
/// <remarks>Infrastructure for generated decorators (see <see cref="MethodTimer"/>); not meant to be used directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct TimedCall
{
    internal TimedCall(OperationSeries series, Activity? activity, long start, Activity? parent = null, bool timesEnumerations = false)
    {
        Series = series;
        Activity = activity;
        Start = start;
        Parent = parent;
        TimesEnumerations = timesEnumerations;
    }

    internal OperationSeries Series { get; }

    internal Activity? Activity { get; }

    internal long Start { get; }

    internal Activity? Parent { get; }

    /// <summary>Whether the call returns an async stream, timed per enumeration rather than as a call.</summary>
    internal bool TimesEnumerations { get; }
}
