namespace Interception.Metrics.Timing.Returns;

/// <summary>
/// A method returning <see cref="ValueTask{TResult}"/>: a successfully completed one is recorded without being
/// consumed and returned as it is; a failed one is read once (<see cref="ValueTask{TResult}.AsTask"/>) and its task
/// returned; an incomplete one is relayed by a pooled <see cref="TimedValueTaskRelay{T}"/>, which reads it exactly
/// once and keeps its status.
/// </summary>
internal sealed class ValueTaskReturnHandler<T> : ReturnHandler
{
    private static readonly bool ResultIsResponse = typeof(HttpResponseMessage).IsAssignableFrom(typeof(T));

    private readonly RelayPool<T> _relays = new();

    public override object? Handle(object? returnValue, MethodTimer timer, TimedCall call)
    {
        if (returnValue is not ValueTask<T> valueTask)
        {
            timer.Complete(call, OperationStatus.Success, null);
            return returnValue;
        }

        return Handle(valueTask, timer, call);
    }

    /// <summary>Ends the timing of a call that returned <paramref name="valueTask"/> and returns what the caller receives.</summary>
    public ValueTask<T> Handle(ValueTask<T> valueTask, MethodTimer timer, in TimedCall call)
    {
        if (valueTask.IsCompletedSuccessfully)
        {
            if (ResultIsResponse && timer.IsHttp)
            {
                // The status code is in the result. Reading it consumes a source-backed value task, so the
                // caller receives a fresh value task holding the same result: each is still awaited once.
                var result = valueTask.Result;
                timer.CompleteWithResult(result, call);
                return new ValueTask<T>(result);
            }

            timer.Complete(call, OperationStatus.Success, null);
            return valueTask;
        }

        if (valueTask.IsCompleted)
        {
            // See ValueTaskReturnHandler: the exception decides the status, and the caller receives the task holding it.
            var task = valueTask.AsTask();
            timer.CompleteFromTask(task, call);
            return new ValueTask<T>(task);
        }

        return _relays.Rent().Start(valueTask, timer, call);
    }
}
