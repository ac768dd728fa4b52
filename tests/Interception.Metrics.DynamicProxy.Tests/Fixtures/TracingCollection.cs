namespace Interception.Metrics.DynamicProxy.Tests.Fixtures;

/// <summary>
/// Tests that listen to the process-wide <c>Interception.Metrics</c> activity source run alone: while a listener is
/// subscribed, every other test's timed calls would start activities too (and allocate for them).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TracingCollection
{
    public const string Name = "Tracing";
}
