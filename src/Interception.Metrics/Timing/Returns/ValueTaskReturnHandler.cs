namespace Interception.Metrics.Timing.Returns;

/// <summary>
/// A method returning <see cref="ValueTask"/>: a successfully completed one is recorded without being consumed and
/// returned as it is; a failed one is read once (<see cref="ValueTask.AsTask"/>) and its task returned; an incomplete
/// one is relayed by a pooled <see cref="TimedValueTaskRelay{T}"/>, which reads it exactly once and keeps its status.
/// Works with pooled <see cref="System.Threading.Tasks.Sources.IValueTaskSource"/> value tasks.
/// </summary>
internal sealed class ValueTaskReturnHandler : ReturnHandler
{
    private readonly RelayPool<bool> _relays = new();

    public override object? Handle(object? returnValue, MethodTimer timer, TimedCall call)
    {
        if (returnValue is not ValueTask valueTask)
        {
            timer.Complete(call, OperationStatus.Success, null);
            return returnValue;
        }

        return Handle(valueTask, timer, call);
    }

    /// <summary>Ends the timing of a call that returned <paramref name="valueTask"/> and returns what the caller receives.</summary>
    public ValueTask Handle(ValueTask valueTask, MethodTimer timer, in TimedCall call)
    {
        if (valueTask.IsCompletedSuccessfully)
        {
            timer.Complete(call, OperationStatus.Success, null);
            return valueTask;
        }

        if (valueTask.IsCompleted)
        {
            // Which exception it holds decides the status; reading it consumes a source-backed value task, so the
            // caller receives the task that now holds it (the same task when the value task wrapped one).
            var task = valueTask.AsTask();
            timer.CompleteFromTask(task, call);
            return new ValueTask(task);
        }

        return _relays.Rent().Start(valueTask, timer, call);
    }
}
