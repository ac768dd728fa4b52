namespace Interception.Demo.Reporting;

/// <summary>How a counted call ended, read from its <c>status</c> label.</summary>
internal enum CallOutcome
{
    /// <summary><c>success</c>, or an HTTP status below 500 other than 499.</summary>
    Completed,

    /// <summary><c>failed</c>, or HTTP 5xx.</summary>
    Failed,

    /// <summary><c>canceled</c>, or HTTP 499 (the client went away).</summary>
    Canceled,
}
