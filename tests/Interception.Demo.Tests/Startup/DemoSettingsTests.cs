using Interception.Demo.Startup;
using Microsoft.Extensions.Configuration;

namespace Interception.Demo.Tests.Startup;

public sealed class DemoSettingsTests
{
    [Fact]
    public void Read_ShippedAppSettings_StatesEveryDefaultOfTheCode()
    {
        // appsettings.json documents each option with its default: reading it must give what reading nothing gives.
        var shipped = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build();
        var nothing = new ConfigurationBuilder().Build();

        var fromFile = DemoSettings.Read(shipped);

        Assert.Equal(DemoSettings.Read(nothing), fromFile);
        Assert.Equal("demo-secret", fromFile.Webhook.Secret);
        Assert.Equal(4, fromFile.Load.Workers);
        Assert.True(fromFile.Load.Enabled);
        Assert.Null(fromFile.Storage.DataFolder);
        foreach (var key in (string[])["Demo:Duration", "Demo:Load", "Demo:Workers", "Demo:Seed", "Demo:Data", "Bot:WebhookSecret", "Bot:Token",
            "Telegram:RequestTimeout", "Telegram:RetryCount", "Telegram:Simulator:MinLatency", "Telegram:Simulator:MaxLatency",
            "Telegram:Simulator:RateLimitRate", "Telegram:Simulator:RetryAfter", "Telegram:Simulator:ServerErrorRate", "Telegram:Simulator:TimeoutRate"])
        {
            Assert.NotNull(shipped[key]);
        }
    }

    [Theory]
    [InlineData("Telegram:Simulator:MaxLatency", "00:00:00.010", "Invalid demo configuration at 'Telegram:Simulator:MaxLatency': 00:00:00.0100000 is below MinLatency (00:00:00.0200000); expected at least MinLatency.")]
    [InlineData("Telegram:Simulator:TimeoutRate", "0.99", "Invalid demo configuration at 'Telegram:Simulator:TimeoutRate': RateLimitRate, ServerErrorRate and TimeoutRate add up to more than 1; expected at most 1 together.")]
    [InlineData("Demo", "fast", "Invalid demo configuration at 'Demo': expected a section with the keys Duration, Workers, Seed, Load, Data, found the value 'fast'.")]
    [InlineData("Demo:Load", "yes", "Invalid demo configuration at 'Demo:Load': 'yes' is not valid; expected true or false.")]
    public void Read_InvalidValue_ThrowsNamingTheKeyAndWhatItAccepts(string key, string value, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();

        var exception = Assert.Throws<DemoConfigurationException>(() => DemoSettings.Read(configuration));

        Assert.Equal(message, exception.Message);
    }
}
