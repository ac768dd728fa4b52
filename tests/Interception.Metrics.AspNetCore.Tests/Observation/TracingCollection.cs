namespace Interception.Metrics.AspNetCore.Tests.Observation;

/// <summary>
/// Tests that listen to the process-wide activity sources run alone: while a listener is subscribed, every other
/// test's requests and timed calls would start activities too.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TracingCollection
{
    public const string Name = "Tracing";
}
