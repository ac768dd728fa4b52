using Autofac;
using Interception.Metrics.Autofac.Tests.TestSupport;
using Interception.Metrics.Reliability.Tests.TestSupport;
using Microsoft.Extensions.Logging;

namespace Interception.Metrics.Reliability.Tests.Isolation;

/// <summary>
/// Two containers in one process share nothing of ours, but a listener such as OpenTelemetry identifies a meter by
/// its name: two containers with the same <c>Metrics:Backends:Meter:MeterName</c> add up in its export. The second
/// container warns at startup, and distinct names keep them apart.
/// </summary>
public sealed class ContainerIsolationTests
{
    [Fact]
    public void TwoContainers_SameMeterName_OpenTelemetryAddsThemUpAndTheSecondWarnsNamingTheKey()
    {
        var meterName = "Interception.Reliability.SameName." + Guid.NewGuid().ToString("N");
        using var export = new OpenTelemetryExport(meterName);
        var secondLogs = new RecordingLoggerFactory();
        using var first = MeterContainer(meterName, new RecordingLoggerFactory());
        using var second = MeterContainer(meterName, secondLogs);

        Record(first, 3);
        Record(second, 5);
        export.Flush();

        Assert.Equal(8, Assert.Single(export.CounterPoints(MetricNames.FunctionCalls)).Value);
        var warning = Assert.Single(secondLogs.Messages, m => m.Contains(meterName, StringComparison.Ordinal));
        Assert.Contains("Metrics:Backends:Meter:MeterName", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoContainers_DistinctMeterNames_OpenTelemetryExportsEachApartWithoutWarning()
    {
        var firstName = "Interception.Reliability.First." + Guid.NewGuid().ToString("N");
        var secondName = "Interception.Reliability.Second." + Guid.NewGuid().ToString("N");
        using var firstExport = new OpenTelemetryExport(firstName);
        using var secondExport = new OpenTelemetryExport(secondName);
        var logs = new RecordingLoggerFactory();
        using var first = MeterContainer(firstName, logs);
        using var second = MeterContainer(secondName, logs);

        Record(first, 3);
        Record(second, 5);
        firstExport.Flush();
        secondExport.Flush();

        Assert.Equal(3, Assert.Single(firstExport.CounterPoints(MetricNames.FunctionCalls)).Value);
        Assert.Equal(5, Assert.Single(secondExport.CounterPoints(MetricNames.FunctionCalls)).Value);
        Assert.DoesNotContain(logs.Messages, m => m.Contains("MeterName", StringComparison.Ordinal));
    }

    private static IContainer MeterContainer(string meterName, RecordingLoggerFactory logs) =>
        MetricsContainer.Build(
            b => b.RegisterInstance(logs).As<ILoggerFactory>(),
            ("Metrics:Backends:InMemory:Enabled", "false"),
            ("Metrics:Backends:Prometheus:Enabled", "false"),
            ("Metrics:Backends:Meter:Enabled", "true"),
            ("Metrics:Backends:Meter:MeterName", meterName));

    private static void Record(IContainer container, int calls)
    {
        var operation = container.Resolve<MetricsCollectorService>().BindOperation(MetricKind.Function, "Orders.Place");
        for (var i = 0; i < calls; i++)
        {
            operation.Record(OperationStatus.Success, TimeSpan.FromMilliseconds(1));
        }
    }
}
