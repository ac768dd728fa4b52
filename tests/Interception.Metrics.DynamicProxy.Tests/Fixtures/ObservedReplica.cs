namespace Interception.Metrics.DynamicProxy.Tests.Fixtures;

/// <summary>A second implementation with the same attributes: its named operations share series with <see cref="Observed"/>'s.</summary>
public sealed class ObservedReplica : Observed;
