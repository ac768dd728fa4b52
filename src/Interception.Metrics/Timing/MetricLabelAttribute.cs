namespace Interception.Metrics;

/// <summary>
/// Records the value of this parameter of a <see cref="MetricsTimerAttribute"/> method as the label
/// <see cref="Name"/> on the call's counter, histogram and in-progress gauge (and as a tag of its trace activity).
/// </summary>
/// <remarks>
/// <para>
/// Only these parameter types can be labels: <see cref="string"/> (<see langword="null"/> is recorded as empty), enums
/// (the member name), <see cref="bool"/> (<c>true</c>/<c>false</c>) and the integer types (invariant culture), and
/// their nullable forms (<see langword="null"/> is recorded as empty). A parameter of any other type, an <c>out</c>
/// parameter, or an invalid or duplicate name makes the method's timing plan fail: an error naming the method and the
/// parameter is logged and the method's calls proceed untimed. The value is never formatted with
/// <see cref="object.ToString"/> of an arbitrary object.
/// </para>
/// <para>
/// Every distinct value is a series: label only parameters with a few values (a channel type, a flag, a shard
/// number), never identifiers or user input. Past <c>Metrics:CardinalityLimit</c> label sets of a metric, further
/// values are recorded in the metric's <c>__overflow__</c> series, with exact totals.
/// </para>
/// </remarks>
/// <param name="name">The label name: <c>[a-zA-Z_][a-zA-Z0-9_]*</c>, not starting with <c>__</c>, not one of the metric's own labels.</param>
/// <example>
/// <code>
/// [MetricsTimer]
/// Task PublishAsync([MetricLabel("channel_type")] ChannelType type, Post post);
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Parameter, Inherited = true, AllowMultiple = false)]
public sealed class MetricLabelAttribute(string name) : Attribute
{
    /// <summary>The label name.</summary>
    public string Name { get; } = name;
}
