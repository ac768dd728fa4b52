namespace Interception.Metrics.Autofac.Tests.Fixtures;

/// <summary>A type-level attribute, overridden on one method.</summary>
[MetricsTimer(MetricKind.Database)]
public class ReportService : IReportService
{
    [MetricsTimer(Name = "reports.render")]
    public int Render() => 10;

    public int Count() => 11;
}
