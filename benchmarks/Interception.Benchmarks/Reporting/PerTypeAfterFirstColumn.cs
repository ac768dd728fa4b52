using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Interception.Benchmarks.Reporting;

/// <summary>
/// What each type after the first adds: (Mean at N types − Mean at 1 type) / (N − 1), in milliseconds, from the
/// same method's rows of one run. The first type pays what is paid once (JIT of the container, Castle and the
/// module's code, the backends), so the slope is what an application pays per timed service.
/// </summary>
/// <param name="parameterName">The benchmark parameter holding the number of types.</param>
public sealed class PerTypeAfterFirstColumn(string parameterName) : IColumn
{
    public string Id => nameof(PerTypeAfterFirstColumn);

    public string ColumnName => "ms/type after 1st";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"(Mean − Mean at {parameterName}=1) / ({parameterName} − 1), same method, in ms";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        if (benchmarkCase.Parameters[parameterName] is not int types || types <= 1)
        {
            return "-";
        }

        var first = summary.BenchmarksCases.FirstOrDefault(c =>
            c.Descriptor == benchmarkCase.Descriptor && c.Job == benchmarkCase.Job && c.Parameters[parameterName] is 1);
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        var firstMean = first is null ? null : summary[first]?.ResultStatistics?.Mean;
        return mean is { } all && firstMean is { } one
            ? ((all - one) / (types - 1) / 1e6).ToString("N3", CultureInfo.InvariantCulture)
            : "NA";
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
