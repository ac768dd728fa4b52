using Interception.Metrics.Collection;
using Interception.Metrics.Timing.Returns;
using Interception.Metrics.Timing.Tracing;

namespace Interception.Metrics.Timing;

/// <summary>How a call ends: recorded once, counted out of the in-progress gauge, its activity stopped. Never throws.</summary>
public sealed partial class MethodTimer
{
    /// <summary>Ends <paramref name="call"/> with <paramref name="status"/>.</summary>
    /// <param name="call">The call.</param>
    /// <param name="status">How it ended.</param>
    /// <param name="exceptionType">The type of the exception the caller gets, for the trace; <see langword="null"/> on success.</param>
    internal void Complete(in TimedCall call, OperationStatus status, Type? exceptionType)
    {
        // The recording happens with the call's activity current, wherever the call completed: a backend that attaches
        // exemplars reads the trace context from there.
        using var swap = ActivitySwap.To(call.Activity);
        Record(call.Series, status, call.Start);
        End(call, exceptionType, 0);
    }

    /// <summary>Ends a successful call; an HTTP call takes its status code from a returned response.</summary>
    internal void CompleteWithResult<T>(T result, in TimedCall call)
    {
        if (IsHttp && result is HttpResponseMessage response)
        {
            var statusCode = (int)response.StatusCode;
            using var swap = ActivitySwap.To(call.Activity);
            try
            {
                call.Series.RecordStatusCode(statusCode, ElapsedSeconds(call.Start));
            }
            catch (Exception exception)
            {
                _reportFailure(exception);
            }

            End(call, null, statusCode);
            return;
        }

        Complete(call, OperationStatus.Success, null);
    }

    /// <summary>Ends a call whose task has completed, by <see cref="CompletionStatus"/>.</summary>
    internal void CompleteFromTask(Task task, in TimedCall call) =>
        Complete(call, CompletionStatus.Of(task), CompletionStatus.ExceptionTypeOf(task));

    /// <summary>Records a call's outcome; alone, for a call that was never started as in progress nor traced (a stream method that threw or returned null).</summary>
    internal void Record(OperationSeries series, OperationStatus status, long start)
    {
        try
        {
            series.Record(status, ElapsedSeconds(start));
        }
        catch (Exception exception)
        {
            _reportFailure(exception);
        }
    }

    /// <summary>
    /// The return handler failed before the return value was replaced (its continuation could not be registered, so
    /// the call can never complete through it): the caller keeps the target's own value and the call goes unrecorded,
    /// but it still leaves the in-progress gauge and ends its activity. A stream's call started neither.
    /// </summary>
    internal void HandlingFailed(Exception exception, in TimedCall call)
    {
        _reportFailure(exception);
        if (!call.TimesEnumerations)
        {
            End(call, null, 0);
        }
    }

    private void End(in TimedCall call, Type? exceptionType, int statusCode)
    {
        try
        {
            call.Series.Finished();
        }
        catch (Exception exception)
        {
            _reportFailure(exception);
        }

        if (call.Activity is { } activity)
        {
            try
            {
                TimingActivities.Stop(activity, exceptionType, statusCode);
            }
            catch (Exception exception)
            {
                _reportFailure(exception);
            }
        }
    }
}
