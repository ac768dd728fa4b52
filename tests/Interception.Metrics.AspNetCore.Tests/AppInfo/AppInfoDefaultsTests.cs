using System.Reflection;
using Interception.Metrics.AspNetCore.Tests.TestSupport;

namespace Interception.Metrics.AspNetCore.Tests.AppInfo;

/// <summary><c>app_info</c> in a web host: the host's environment and the entry assembly's version unless configured.</summary>
public sealed class AppInfoDefaultsTests
{
    [Fact]
    public async Task AppInfo_NotConfigured_IsTheHostEnvironmentAndTheEntryAssemblyVersion()
    {
        var version = Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        Assert.False(string.IsNullOrEmpty(version));

        await using var app = await TestWebApp.StartAsync(_ => { }, environment: "Staging");

        Assert.Equal(1, app.Memory.GetGauge(MetricNames.AppInfo, ("version", version), ("environment", "Staging")));
        Assert.Single(app.Memory.GetSamples(MetricNames.AppInfo));
    }

    [Fact]
    public async Task AppInfo_Configured_ConfigurationWins()
    {
        await using var app = await TestWebApp.StartAsync(
            _ => { },
            [("Metrics:App:Version", "2.3.4"), ("Metrics:App:Environment", "eu-prod")],
            environment: "Staging");

        Assert.Equal(1, app.Memory.GetGauge(MetricNames.AppInfo, ("version", "2.3.4"), ("environment", "eu-prod")));
        Assert.Single(app.Memory.GetSamples(MetricNames.AppInfo));
    }

    [Fact]
    public async Task AppInfo_OnlyVersionConfigured_EnvironmentStillComesFromTheHost()
    {
        await using var app = await TestWebApp.StartAsync(_ => { }, [("Metrics:App:Version", "9.9.9")], environment: "Development");

        Assert.Equal(1, app.Memory.GetGauge(MetricNames.AppInfo, ("version", "9.9.9"), ("environment", "Development")));
    }
}
