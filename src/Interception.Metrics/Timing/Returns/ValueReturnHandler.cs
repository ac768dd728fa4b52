namespace Interception.Metrics.Timing.Returns;

/// <summary>A synchronous method: the call ends when it returns.</summary>
internal sealed class ValueReturnHandler : ReturnHandler
{
    public static ValueReturnHandler Instance { get; } = new();

    public override object? Handle(object? returnValue, MethodTimer timer, TimedCall call)
    {
        timer.CompleteWithResult(returnValue, call);
        return returnValue;
    }
}
