namespace Interception.Metrics.Timing.Returns;

/// <summary>
/// The one rule that turns how a call ended into its status, for every return family: an
/// <see cref="OperationCanceledException"/> (thrown, or faulting a task, value task or stream) is
/// <see cref="OperationStatus.Canceled"/>, any other exception <see cref="OperationStatus.Failed"/>.
/// </summary>
internal static class CompletionStatus
{
    /// <summary>The status of a call that threw <paramref name="exception"/> (or whose task faulted with it first).</summary>
    public static OperationStatus Of(Exception exception) =>
        exception is OperationCanceledException ? OperationStatus.Canceled : OperationStatus.Failed;

    /// <summary>The status of a call whose task has completed: by the exception <c>await</c> would throw.</summary>
    public static OperationStatus Of(Task completed) => completed.Status switch
    {
        TaskStatus.RanToCompletion => OperationStatus.Success,
        TaskStatus.Canceled => OperationStatus.Canceled,
        _ => completed.Exception?.InnerException is { } first ? Of(first) : OperationStatus.Failed,
    };

    /// <summary>
    /// The type of the exception <c>await</c> would throw for a completed task (a canceled task's is
    /// <see cref="TaskCanceledException"/>); <see langword="null"/> when it ran to completion.
    /// </summary>
    public static Type? ExceptionTypeOf(Task completed) => completed.Status switch
    {
        TaskStatus.RanToCompletion => null,
        TaskStatus.Canceled => typeof(TaskCanceledException),
        _ => completed.Exception?.InnerException?.GetType() ?? typeof(AggregateException),
    };
}
