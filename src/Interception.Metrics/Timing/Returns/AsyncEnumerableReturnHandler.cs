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

        return Handle(stream, timer, call);
    }

    /// <summary>The stream the caller receives for <paramref name="stream"/> (<see langword="null"/> is recorded at once and returned).</summary>
    public static IAsyncEnumerable<T> Handle(IAsyncEnumerable<T> stream, MethodTimer timer, in TimedCall call)
    {
        if (stream is null)
        {
            timer.Record(call.Series, OperationStatus.Success, call.Start);
            return stream!;
        }

        return new TimedAsyncEnumerable<T>(stream, timer, call.Series, call.Start);
    }
}
