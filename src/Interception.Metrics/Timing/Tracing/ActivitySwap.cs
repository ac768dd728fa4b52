using System.Diagnostics;

namespace Interception.Metrics.Timing.Tracing;

/// <summary>
/// Makes a call's activity <see cref="Activity.Current"/> for a moment and then puts back what was current: around
/// the recording of a call that completes on another thread (so that exemplars, which backends read from
/// <see cref="Activity.Current"/>, name the call's trace), and around each step of an async stream (so that what the
/// stream calls nests under it). Does nothing when the activity is <see langword="null"/> or current already.
/// </summary>
internal readonly ref struct ActivitySwap
{
    private readonly Activity? _previous;
    private readonly bool _swapped;

    private ActivitySwap(Activity? previous)
    {
        _previous = previous;
        _swapped = true;
    }

    public static ActivitySwap To(Activity? activity)
    {
        if (activity is null)
        {
            return default;
        }

        var current = Activity.Current;
        if (ReferenceEquals(current, activity))
        {
            return default;
        }

        Activity.Current = activity;
        return new ActivitySwap(current);
    }

    public void Dispose()
    {
        if (_swapped)
        {
            Activity.Current = _previous;
        }
    }
}
