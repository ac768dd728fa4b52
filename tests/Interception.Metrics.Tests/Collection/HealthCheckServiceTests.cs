using Interception.Metrics.Tests.TestSupport;

namespace Interception.Metrics.Tests.Collection;

public class HealthCheckServiceTests
{
    private readonly InMemoryMetricsBackend _memory = new();
    private readonly HealthCheckService _service;

    public HealthCheckServiceTests()
    {
        _service = new HealthCheckService(_memory);
    }

    [Fact]
    public void UpdateHealthCheck_Healthy_SetsOne()
    {
        _service.UpdateHealthCheck(new HealthCheckResult("database", IsHealthy: true));

        Assert.Equal(1, _memory.GetGauge("health_check_status", ("check_name", "database")));
    }

    [Fact]
    public void UpdateHealthCheck_Unhealthy_SetsZero()
    {
        _service.UpdateHealthCheck(new HealthCheckResult("telegram", IsHealthy: false, "timeout"));

        Assert.Equal(0, _memory.GetGauge("health_check_status", ("check_name", "telegram")));
    }

    [Fact]
    public void UpdateHealthCheck_StatusChanges_GaugeFollows()
    {
        _service.UpdateHealthCheck(new HealthCheckResult("redis", true));
        _service.UpdateHealthCheck(new HealthCheckResult("redis", false));
        Assert.Equal(0, _memory.GetGauge("health_check_status", ("check_name", "redis")));

        _service.UpdateHealthCheck(new HealthCheckResult("redis", true));
        Assert.Equal(1, _memory.GetGauge("health_check_status", ("check_name", "redis")));
    }

    [Fact]
    public void UpdateHealthChecks_SetsEveryCheck()
    {
        _service.UpdateHealthChecks(
        [
            new HealthCheckResult("database", true),
            new HealthCheckResult("telegram", false),
            new HealthCheckResult("disk", true, "ok", TimeSpan.FromMilliseconds(3)),
        ]);

        Assert.Equal(1, _memory.GetGauge("health_check_status", ("check_name", "database")));
        Assert.Equal(0, _memory.GetGauge("health_check_status", ("check_name", "telegram")));
        Assert.Equal(1, _memory.GetGauge("health_check_status", ("check_name", "disk")));
        Assert.Equal(3, _memory.GetSamples("health_check_status").Count);
    }

    [Fact]
    public void UpdateHealthCheck_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => _service.UpdateHealthCheck(null!));
        Assert.Throws<ArgumentNullException>(() => _service.UpdateHealthChecks(null!));
    }

    [Fact]
    public void UpdateHealthCheck_BackendThrows_NeverSurfaces()
    {
        var exception = Record.Exception(() =>
            new HealthCheckService(new ThrowingMetricsBackend(failBind: false)).UpdateHealthCheck(new HealthCheckResult("x", true)));

        Assert.Null(exception);
    }
}
