namespace Interception.Metrics.Reliability.Tests.TestSupport;

/// <summary>
/// Tests that measure the process (managed memory, thread counts, generated proxy types, throughput on the 2 CI
/// cores) run in this collection: after the parallel tests, one at a time, so no other test disturbs the numbers.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class IsolatedCollection
{
    public const string Name = "Isolated measurements";
}
