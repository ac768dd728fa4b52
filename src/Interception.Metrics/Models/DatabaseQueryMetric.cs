namespace Interception.Metrics;

/// <summary>One database query.</summary>
/// <param name="Operation">Operation, such as <c>select_channels</c>.</param>
/// <param name="Status">Outcome, such as <c>success</c> or <c>failed</c>.</param>
/// <param name="Duration">How long the query took.</param>
public sealed record DatabaseQueryMetric(string Operation, string Status, TimeSpan Duration);
