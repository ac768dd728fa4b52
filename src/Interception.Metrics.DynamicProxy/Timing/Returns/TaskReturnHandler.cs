namespace Interception.Metrics.Timing.Returns;

/// <summary>
/// A method returning <see cref="Task"/>: a completed task is recorded at once and returned as it is; an
/// incomplete one is awaited by one wrapper task (the only allocation), which the caller receives.
/// </summary>
internal sealed class TaskReturnHandler : ReturnHandler
{
    public static TaskReturnHandler Instance { get; } = new();

    public override object? Handle(object? returnValue, MethodTimer timer, long start)
    {
        if (returnValue is not Task task)
        {
            timer.Complete(OperationStatus.Success, start);
            return returnValue;
        }

        if (task.IsCompleted)
        {
            timer.CompleteFromTask(task, start);
            return task;
        }

        return AwaitAsync(task, timer, start);
    }

    private static async Task AwaitAsync(Task task, MethodTimer timer, long start)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            timer.Fail(exception, start);
            throw;
        }

        timer.Complete(OperationStatus.Success, start);
    }
}
