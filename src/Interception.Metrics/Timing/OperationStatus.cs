namespace Interception.Metrics;

/// <summary>How a timed operation ended; recorded as the <c>status</c> label.</summary>
public enum OperationStatus
{
    /// <summary>Returned, or its task completed successfully: <c>success</c>.</summary>
    Success,

    /// <summary>Threw, or its task faulted: <c>failed</c>.</summary>
    Failed,

    /// <summary>Threw <see cref="OperationCanceledException"/>, or its task was canceled: <c>canceled</c>.</summary>
    Canceled,
}
