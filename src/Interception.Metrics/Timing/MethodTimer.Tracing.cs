using System.Diagnostics;
using Interception.Metrics.Collection;

namespace Interception.Metrics.Timing;

/// <summary>The call's activity: started as a child of the caller's, and current only for the target's own code.</summary>
public sealed partial class MethodTimer
{
    /// <summary>
    /// Starts a call's activity, child of <see cref="Activity.Current"/>, and makes it current; <see langword="null"/>
    /// when no listener samples it. Its tags are the call's constant and argument labels, never other argument values.
    /// </summary>
    /// <param name="series">The call's series, whose labels become tags.</param>
    /// <param name="parent">What was current before, to give back to the caller.</param>
    internal Activity? StartActivity(OperationSeries series, out Activity? parent)
    {
        parent = Activity.Current;
        try
        {
            var activity = _activities!.StartActivity(_activityName, _activityKind);
            if (activity is { IsAllDataRequested: true } && series.Labels is { } labels)
            {
                for (var i = 0; i < labels.Count; i++)
                {
                    activity.SetTag(labels[i].Key, labels[i].Value);
                }
            }

            return activity;
        }
        catch (Exception exception)
        {
            // A listener's sampler threw: the call goes on untraced.
            _reportFailure(exception);
            Activity.Current = parent;
            return null;
        }
    }

    /// <summary>Starts the activity of one enumeration of a stream; it is current only while the stream's own code runs.</summary>
    internal Activity? StartEnumerationActivity(OperationSeries series)
    {
        if (_activities is null || !_activities.HasListeners())
        {
            return null;
        }

        var activity = StartActivity(series, out var parent);
        if (activity is not null)
        {
            ReturnToCaller(activity, parent);
        }

        return activity;
    }

    /// <summary>
    /// The call returned work still running: the caller goes on with its own activity current again, while the
    /// target's async code keeps the call's activity through its own execution context. Left alone when the target
    /// made another activity current, or when the call has completed already (stopping restored the caller's).
    /// </summary>
    private static void ReturnToCaller(Activity activity, Activity? parent)
    {
        if (ReferenceEquals(Activity.Current, activity))
        {
            Activity.Current = parent;
        }
    }
}
