namespace Interception.Metrics.Timing.Returns;

/// <summary>
/// Ends the timing of one call according to what the method returned: at once for a plain value or a completed
/// task, when it completes for an incomplete task, value task or async stream.
/// </summary>
internal abstract class ReturnHandler
{
    /// <summary>Ends (or arranges to end) the timing and returns what the caller receives.</summary>
    /// <param name="returnValue">What the target returned.</param>
    /// <param name="timer">The method's timer.</param>
    /// <param name="call">The call: its series, activity and start timestamp.</param>
    public abstract object? Handle(object? returnValue, MethodTimer timer, TimedCall call);

    /// <summary>
    /// Whether the method returns an async stream, timed per enumeration: then the call itself is neither in progress
    /// nor traced, and <see cref="Handle"/> receives a call without activity.
    /// </summary>
    public virtual bool TimesEnumerations => false;
}
