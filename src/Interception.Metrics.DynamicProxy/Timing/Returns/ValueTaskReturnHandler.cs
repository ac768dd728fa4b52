using System.Runtime.CompilerServices;

namespace Interception.Metrics.Timing.Returns;

/// <summary>
/// A method returning <see cref="ValueTask"/>: a completed one is recorded without being consumed and returned
/// as it is; an incomplete one is awaited exactly once by a pooled wrapper, which the caller receives. Works with
/// pooled <see cref="System.Threading.Tasks.Sources.IValueTaskSource"/> value tasks.
/// </summary>
internal sealed class ValueTaskReturnHandler : ReturnHandler
{
    public static ValueTaskReturnHandler Instance { get; } = new();

    public override object? Handle(object? returnValue, MethodTimer timer, long start)
    {
        if (returnValue is not ValueTask valueTask)
        {
            timer.Complete(OperationStatus.Success, start);
            return returnValue;
        }

        if (valueTask.IsCompleted)
        {
            timer.Complete(
                valueTask.IsCompletedSuccessfully ? OperationStatus.Success
                : valueTask.IsCanceled ? OperationStatus.Canceled
                : OperationStatus.Failed,
                start);
            return returnValue;
        }

        return AwaitAsync(valueTask, timer, start);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private static async ValueTask AwaitAsync(ValueTask valueTask, MethodTimer timer, long start)
    {
        try
        {
            await valueTask.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            timer.Fail(exception, start);
            throw;
        }

        timer.Complete(OperationStatus.Success, start);
    }
}
