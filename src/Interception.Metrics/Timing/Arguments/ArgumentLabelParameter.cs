namespace Interception.Metrics.Timing.Arguments;

/// <summary>One <see cref="MetricLabelAttribute"/> parameter of a timed method.</summary>
/// <param name="Name">The label name.</param>
/// <param name="Position">The parameter's position, its index in the invocation's arguments.</param>
/// <param name="Type">The parameter type (the element type of a <c>ref</c> or <c>in</c> parameter).</param>
internal sealed record ArgumentLabelParameter(string Name, int Position, Type Type);
