namespace Interception.Metrics.Timing.Returns;

/// <summary>
/// A method declared to return a subclass of <see cref="Task"/>: the caller must receive that very task (a stand-in
/// would not be of the declared type), so the call is recorded by a continuation when the task completes. That
/// continuation may run just after the caller's own.
/// </summary>
internal sealed class ObservedTaskReturnHandler : ReturnHandler
{
    public static ObservedTaskReturnHandler Instance { get; } = new();

    public override object? Handle(object? returnValue, MethodTimer timer, TimedCall call)
    {
        if (returnValue is not Task task)
        {
            timer.Complete(call, OperationStatus.Success, null);
            return returnValue;
        }

        if (task.IsCompleted)
        {
            timer.CompleteFromTask(task, call);
        }
        else
        {
            task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(() => timer.CompleteFromTask(task, call));
        }

        return task;
    }
}
