namespace Interception.Metrics.Timing.Returns;

/// <summary>
/// A method returning <see cref="Task{TResult}"/>: a completed task is recorded at once and returned as it is; an
/// incomplete one is recorded when it completes, and the caller receives a proxy of it
/// (<see cref="TaskExtensions.Unwrap{TResult}(Task{Task{TResult}})"/>) that completes right after the recording with
/// the target's own result, status, exceptions and cancellation token.
/// </summary>
internal sealed class TaskReturnHandler<T> : ReturnHandler
{
    public override object? Handle(object? returnValue, MethodTimer timer, TimedCall call)
    {
        if (returnValue is not Task<T> task)
        {
            timer.Complete(call, OperationStatus.Success, null);
            return returnValue;
        }

        return Handle(task, timer, call);
    }

    /// <summary>Ends the timing of a call that returned <paramref name="task"/> and returns what the caller receives.</summary>
    public static Task<T> Handle(Task<T> task, MethodTimer timer, in TimedCall call)
    {
        if (task.IsCompleted)
        {
            Record(task, timer, call);
            return task;
        }

        return RecordWhenCompleteAsync(task, timer, call).Unwrap();
    }

    private static void Record(Task<T> completed, MethodTimer timer, in TimedCall call)
    {
        if (completed.IsCompletedSuccessfully)
        {
            timer.CompleteWithResult(completed.Result, call);
        }
        else
        {
            timer.CompleteFromTask(completed, call);
        }
    }

    // See TaskReturnHandler: Unwrap, not an async wrapper, keeps the task's status and every exception.
    private static async Task<Task<T>> RecordWhenCompleteAsync(Task<T> task, MethodTimer timer, TimedCall call)
    {
        await ((Task)task).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Record(task, timer, call);
        return task;
    }
}
