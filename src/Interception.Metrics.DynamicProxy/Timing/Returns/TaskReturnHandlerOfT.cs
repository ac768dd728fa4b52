namespace Interception.Metrics.Timing.Returns;

/// <summary>
/// A method returning <see cref="Task{TResult}"/>: a completed task is recorded at once and returned as it is;
/// an incomplete one is awaited by one wrapper task (the only allocation), which the caller receives.
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
            if (task.IsCompletedSuccessfully)
            {
                timer.CompleteWithResult(task.Result, start);
            }
            else
            {
                timer.CompleteFromTask(task, start);
            }

            return task;
        }

        return AwaitAsync(task, timer, start);
    }

    private static async Task<T> AwaitAsync(Task<T> task, MethodTimer timer, long start)
    {
        T result;
        try
        {
            result = await task.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            timer.Fail(exception, start);
            throw;
        }

        timer.CompleteWithResult(result, start);
        return result;
    }
}
