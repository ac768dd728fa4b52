using Autofac;
using Interception.Metrics.Autofac.Tests.TestSupport;

namespace Interception.Metrics.Autofac.Tests.Configuration;

/// <summary>Backends switched on by name under "Metrics:Backends".</summary>
public class BackendCatalogTests
{
    [Fact]
    public void Build_UnknownBackendName_FailsNamingKeyAndKnownBackends()
    {
        var error = ConfigurationFailure.Of(("Metrics:Backends:Bogus:Enabled", "true"));

        Assert.Equal("Metrics:Backends:Bogus", error.Key);
        Assert.Contains("Metrics:Backends:Bogus", error.Message, StringComparison.Ordinal);
        Assert.Contains("Prometheus, StatsD, Meter, InMemory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_BackendSwitchedOnWithoutItsAssembly_FailsNamingPackage()
    {
        var error = ConfigurationFailure.Of(("Metrics:Backends:StatsD:Enabled", "true"));

        Assert.Equal("Metrics:Backends:StatsD:Enabled", error.Key);
        Assert.Contains("Interception.Metrics.StatsD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_BackendEnabledNotBoolean_FailsNamingKey()
    {
        var error = ConfigurationFailure.Of(("Metrics:Backends:InMemory:Enabled", "maybe"));

        Assert.Equal("Metrics:Backends:InMemory:Enabled", error.Key);
        Assert.Contains("true or false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UnknownKeyUnderBackend_FailsNamingKeyAndValidKeys()
    {
        var error = ConfigurationFailure.Of(("Metrics:Backends:InMemory:Size", "10"));

        Assert.Equal("Metrics:Backends:InMemory:Size", error.Key);
        Assert.Contains("Valid keys: Enabled", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PrometheusOnByDefaultButNotReferenced_BuildsWithConfiguredBackendsOnly()
    {
        using var container = MetricsContainer.Build(_ => { });

        var backend = Assert.Single(container.Resolve<MultiMetricsBackend>().Backends);
        Assert.IsType<InMemoryMetricsBackend>(backend);
    }
}
