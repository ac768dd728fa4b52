namespace Interception.Metrics.Timing.Returns;

/// <summary>A method returning <see cref="IAsyncEnumerable{T}"/>: the caller receives a stream timed over its whole enumeration.</summary>
internal sealed class AsyncEnumerableReturnHandler<T> : ReturnHandler
{
    public override object? Handle(object? returnValue, MethodTimer timer, long start)
    {
        if (returnValue is not IAsyncEnumerable<T> stream)
        {
            timer.Complete(OperationStatus.Success, start);
            return returnValue;
        }

        return new TimedAsyncEnumerable<T>(stream, timer, start);
    }
}
