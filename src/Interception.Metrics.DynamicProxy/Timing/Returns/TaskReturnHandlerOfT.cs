namespace Interception.Metrics.Timing.Returns;

/// <summary>
/// A method returning <see cref="Task{TResult}"/>: a completed task is recorded at once and returned as it is; an
/// incomplete one is recorded when it completes, and the caller receives a proxy of it
/// (<see cref="TaskExtensions.Unwrap{TResult}(Task{Task{TResult}})"/>) that completes right after the recording with
/// the target's own result, status, exceptions and cancellation token.
/// </summary>
internal sealed class TaskReturnHandler<T> : ReturnHandler
{
    public override object? Handle(object? returnValue, MethodTimer timer, long start)
    {
        if (returnValue is not Task<T> task)
        {
            timer.Complete(OperationStatus.Success, start);
            return returnValue;
        }

        if (task.IsCompleted)
        {
            Record(task, timer, start);
            return task;
        }

        return RecordWhenCompleteAsync(task, timer, start).Unwrap();
    }

    private static void Record(Task<T> completed, MethodTimer timer, long start)
    {
        if (completed.IsCompletedSuccessfully)
        {
            timer.CompleteWithResult(completed.Result, start);
        }
        else
        {
            timer.CompleteFromTask(completed, start);
        }
    }

    // See TaskReturnHandler: Unwrap, not an async wrapper, keeps the task's status and every exception.
    private static async Task<Task<T>> RecordWhenCompleteAsync(Task<T> task, MethodTimer timer, long start)
    {
        await ((Task)task).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Record(task, timer, start);
        return task;
    }
}
