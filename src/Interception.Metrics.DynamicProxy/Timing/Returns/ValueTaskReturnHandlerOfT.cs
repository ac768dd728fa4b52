using System.Runtime.CompilerServices;

namespace Interception.Metrics.Timing.Returns;

/// <summary>
/// A method returning <see cref="ValueTask{TResult}"/>: a completed one is recorded without being consumed and
/// returned as it is; an incomplete one is awaited exactly once by a pooled wrapper, which the caller receives.
/// </summary>
internal sealed class ValueTaskReturnHandler<T> : ReturnHandler
{
    private static readonly bool ResultIsResponse = typeof(HttpResponseMessage).IsAssignableFrom(typeof(T));

    public override object? Handle(object? returnValue, MethodTimer timer, long start)
    {
        if (returnValue is not ValueTask<T> valueTask)
        {
            timer.Complete(OperationStatus.Success, start);
            return returnValue;
        }

        if (valueTask.IsCompleted)
        {
            if (valueTask.IsCompletedSuccessfully && ResultIsResponse && timer.IsHttp)
            {
                // The status code is in the result. Reading it consumes a source-backed value task, so the
                // caller receives a fresh value task holding the same result: each is still awaited once.
                var result = valueTask.Result;
                timer.CompleteWithResult(result, start);
                return new ValueTask<T>(result);
            }

            if (valueTask.IsCompletedSuccessfully)
            {
                timer.Complete(OperationStatus.Success, start);
            }
            else
            {
                timer.Complete(valueTask.IsCanceled ? OperationStatus.Canceled : OperationStatus.Failed, start);
            }

            return returnValue;
        }

        return AwaitAsync(valueTask, timer, start);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<T> AwaitAsync(ValueTask<T> valueTask, MethodTimer timer, long start)
    {
        T result;
        try
        {
            result = await valueTask.ConfigureAwait(false);
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
