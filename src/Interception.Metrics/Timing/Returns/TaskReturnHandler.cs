namespace Interception.Metrics.Timing.Returns;

/// <summary>
/// A method returning <see cref="Task"/>: a completed task is recorded at once and returned as it is; an incomplete
/// one is recorded when it completes, and the caller receives a proxy of it (<see cref="TaskExtensions.Unwrap(Task{Task})"/>)
/// that completes right after the recording with the target's own status, exceptions and cancellation token.
/// </summary>
internal sealed class TaskReturnHandler : ReturnHandler
{
    public static TaskReturnHandler Instance { get; } = new();

    public override object? Handle(object? returnValue, MethodTimer timer, TimedCall call)
    {
        if (returnValue is not Task task)
        {
            timer.Complete(call, OperationStatus.Success, null);
            return returnValue;
        }

        return Handle(task, timer, call);
    }

    /// <summary>Ends the timing of a call that returned <paramref name="task"/> and returns what the caller receives.</summary>
    public static Task Handle(Task task, MethodTimer timer, in TimedCall call)
    {
        if (task.IsCompleted)
        {
            timer.CompleteFromTask(task, call);
            return task;
        }

        return RecordWhenCompleteAsync(task, timer, call).Unwrap();
    }

    // An async wrapper that awaited the task and rethrew would turn a fault with an OperationCanceledException into
    // a cancellation and keep only the first of several exceptions; Unwrap copies the completed task exactly.
    private static async Task<Task> RecordWhenCompleteAsync(Task task, MethodTimer timer, TimedCall call)
    {
        await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        timer.CompleteFromTask(task, call);
        return task;
    }
}
