namespace Interception.Metrics;

/// <summary>One run of a background task.</summary>
/// <param name="TaskName">Task name.</param>
/// <param name="Status">Outcome, such as <c>success</c> or <c>failed</c>.</param>
/// <param name="Duration">How long the run took.</param>
public sealed record BackgroundTaskMetric(string TaskName, string Status, TimeSpan Duration);
