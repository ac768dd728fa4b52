using BenchmarkDotNet.Configs;

namespace Interception.Benchmarks.Reporting;

/// <summary>The cold-start scenarios' configuration: the per-type slope column and room to build their job.</summary>
public sealed class ColdStartConfig : ManualConfig
{
    public ColdStartConfig()
    {
        AddColumn(new PerTypeAfterFirstColumn("Types"));

        // A cold-start job is built as a project of its own; on a loaded 2-core machine that takes more than the default 2 minutes.
        WithBuildTimeout(TimeSpan.FromMinutes(10));
    }
}
