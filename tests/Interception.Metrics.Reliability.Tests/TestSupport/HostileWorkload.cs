using Autofac;
using Interception.Metrics.Reliability.Tests.Fixtures;

namespace Interception.Metrics.Reliability.Tests.TestSupport;

/// <summary>Records every hostile value through every recording path of a container: services, bound operations, the interceptor.</summary>
internal static class HostileWorkload
{
    /// <summary>Calls of the intercepted method with hostile attribute values.</summary>
    public const int InterceptedCalls = 3;

    public static void Run(IContainer container)
    {
        var collector = container.Resolve<MetricsCollectorService>();
        var business = container.Resolve<BusinessMetricsService>();
        var health = container.Resolve<HealthCheckService>();
        foreach (var value in HostileValues.All)
        {
            collector.RecordHttpRequest(new HttpRequestMetric("GET", value, 200, TimeSpan.FromMilliseconds(5)));
            collector.RecordTelegramUpdate(new TelegramUpdateMetric(value, "success"));
            collector.RecordDatabaseQuery(new DatabaseQueryMetric(value, "failed", TimeSpan.FromMilliseconds(5)));
            collector.BindOperation(MetricKind.BackgroundTask, value, [new("queue", value)]).Record(OperationStatus.Success, TimeSpan.FromMilliseconds(5));
            business.RecordPostSent(value);
            health.UpdateHealthCheck(new HealthCheckResult(value, IsHealthy: true));
        }

        var hostile = container.Resolve<IHostileNames>();
        for (var i = 0; i < InterceptedCalls; i++)
        {
            Assert.Equal(i, hostile.Call(i));
        }
    }
}
