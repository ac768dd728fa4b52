namespace Interception.Metrics.Timing.Returns;

/// <summary>A method returning <see cref="IAsyncEnumerable{T}"/>: the caller receives a stream timed over each enumeration.</summary>
internal sealed class AsyncEnumerableReturnHandler<T> : ReturnHandler
{
    public override bool TimesEnumerations => true;

    public override object? Handle(object? returnValue, MethodTimer timer, TimedCall call)
    {
        if (returnValue is not IAsyncEnumerable<T> stream)
        {
            timer.Record(call.Series, OperationStatus.Success, call.Start);
            return returnValue;
        }

        return new TimedAsyncEnumerable<T>(stream, timer, call.Series, call.Start);
    }
}
