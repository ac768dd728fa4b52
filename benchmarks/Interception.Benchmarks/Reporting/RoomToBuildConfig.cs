using BenchmarkDotNet.Configs;

namespace Interception.Benchmarks.Reporting;

/// <summary>
/// Gives BenchmarkDotNet 10 minutes, not the default 2, to build a job's project: on a 2-core machine shared with
/// other builds the default runs out before the benchmarks start.
/// </summary>
public class RoomToBuildConfig : ManualConfig
{
    public RoomToBuildConfig() => WithBuildTimeout(TimeSpan.FromMinutes(10));
}
