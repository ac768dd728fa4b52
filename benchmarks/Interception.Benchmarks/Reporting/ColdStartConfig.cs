using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace Interception.Benchmarks.Reporting;

/// <summary>
/// The cold-start scenarios' configuration: one invocation in each of 15 fresh processes (no jitting stage, no pilot,
/// no warm-up), the per-type slope column, and room to build. The job is a default one, so a job given on the command
/// line (<c>--job dry</c> in CI) replaces it rather than running next to it.
/// </summary>
public sealed class ColdStartConfig : RoomToBuildConfig
{
    public ColdStartConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.ColdStart)
            .WithLaunchCount(15)
            .WithWarmupCount(0)
            .WithIterationCount(1)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .AsDefault());
        AddColumn(new PerTypeAfterFirstColumn("Types"));
    }
}
