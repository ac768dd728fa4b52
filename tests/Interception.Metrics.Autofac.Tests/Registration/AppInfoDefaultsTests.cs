using System.Reflection;
using Autofac;
using Interception.Metrics.Autofac.Tests.TestSupport;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Interception.Metrics.Autofac.Tests.Registration;

/// <summary><c>app_info</c> when <c>Metrics:App</c> leaves its labels out.</summary>
public sealed class AppInfoDefaultsTests
{
    private static readonly string EntryVersion =
        Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0.0";

    [Fact]
    public void Build_HostEnvironmentInTheContainer_EnvironmentIsItsName()
    {
        using var container = MetricsContainer.Build(b => b.RegisterInstance(new Environment("Staging")).As<IHostEnvironment>());

        Assert.Equal(1, container.Memory().GetGauge(MetricNames.AppInfo, ("version", EntryVersion), ("environment", "Staging")));
    }

    [Fact]
    public void Build_NoHost_EnvironmentIsProductionAndVersionTheEntryAssemblys()
    {
        using var container = MetricsContainer.Build(_ => { });

        Assert.Equal(1, container.Memory().GetGauge(MetricNames.AppInfo, ("version", EntryVersion), ("environment", "production")));
    }

    [Fact]
    public void Build_AppConfigured_ConfigurationWinsOverTheHost()
    {
        using var container = MetricsContainer.Build(
            b => b.RegisterInstance(new Environment("Staging")).As<IHostEnvironment>(),
            ("Metrics:App:Version", "3.1.4"),
            ("Metrics:App:Environment", "blue"));

        var sample = Assert.Single(container.Memory().GetSamples(MetricNames.AppInfo));
        Assert.Equal("3.1.4", sample.Labels["version"]);
        Assert.Equal("blue", sample.Labels["environment"]);
    }

    [Theory]
    [InlineData("Metrics:App:Version")]
    [InlineData("Metrics:App:Environment")]
    public void Build_AppValueEmpty_FailsNamingTheKey(string key)
    {
        var error = ConfigurationFailure.Of((key, " "));

        Assert.Equal(key, error.Key);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
