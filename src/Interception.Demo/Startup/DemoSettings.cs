using Interception.Demo.Load;
using Interception.Demo.Storage;
using Interception.Demo.Telegram;
using Interception.Demo.Telegram.Simulator;
using Interception.Demo.Webhook;
using Microsoft.Extensions.Configuration;

namespace Interception.Demo.Startup;

/// <summary>The demo's own settings (sections <c>Demo</c>, <c>Bot</c> and <c>Telegram</c>), read and checked once at startup.</summary>
internal sealed record DemoSettings(
    double DurationSeconds,
    LoadSettings Load,
    StorageSettings Storage,
    WebhookSettings Webhook,
    BotApiSettings BotApi,
    SimulatorSettings Simulator)
{
    /// <exception cref="DemoConfigurationException">A key is unknown or its value is not valid; the message names the key.</exception>
    public static DemoSettings Read(IConfiguration configuration)
    {
        var demo = new SettingsSection(configuration.GetSection("Demo"), "Duration", "Workers", "Seed", "Load", "Data");
        var bot = new SettingsSection(configuration.GetSection("Bot"), "WebhookSecret", "Token");
        var telegram = new SettingsSection(configuration.GetSection("Telegram"), "RequestTimeout", "RetryCount", "Simulator");
        var simulator = telegram.Section(
            "Simulator", "MinLatency", "MaxLatency", "RateLimitRate", "RetryAfter", "ServerErrorRate", "TimeoutRate");

        var seed = demo.Get("Seed", ValueRules.Seed, 42);
        var minLatency = simulator.Get("MinLatency", ValueRules.Latency, TimeSpan.FromMilliseconds(20));
        var maxLatency = simulator.Get("MaxLatency", ValueRules.Latency, TimeSpan.FromMilliseconds(150));
        if (maxLatency < minLatency)
        {
            throw new DemoConfigurationException(simulator.PathOf("MaxLatency"), $"{maxLatency} is below MinLatency ({minLatency}); expected at least MinLatency.");
        }

        var rateLimit = simulator.Get("RateLimitRate", ValueRules.Rate, 0.02);
        var serverErrors = simulator.Get("ServerErrorRate", ValueRules.Rate, 0.01);
        var timeouts = simulator.Get("TimeoutRate", ValueRules.Rate, 0.005);
        if (rateLimit + serverErrors + timeouts > 1)
        {
            throw new DemoConfigurationException(
                simulator.PathOf("TimeoutRate"), "RateLimitRate, ServerErrorRate and TimeoutRate add up to more than 1; expected at most 1 together.");
        }

        return new DemoSettings(
            demo.Get("Duration", ValueRules.Seconds, 0),
            new LoadSettings(demo.Get("Load", ValueRules.Boolean, true), demo.Get("Workers", ValueRules.Workers, 4), seed),
            new StorageSettings(demo.GetOptional("Data", ValueRules.Folder)),
            new WebhookSettings(bot.Get("WebhookSecret", ValueRules.WebhookSecret, "demo-secret")),
            new BotApiSettings(
                bot.Get("Token", ValueRules.BotToken, "123456:demo-token"),
                telegram.Get("RequestTimeout", ValueRules.PositiveTime, TimeSpan.FromSeconds(2)),
                telegram.Get("RetryCount", ValueRules.RetryCount, 1)),
            new SimulatorSettings(
                minLatency,
                maxLatency,
                rateLimit,
                simulator.Get("RetryAfter", ValueRules.RetryAfter, 1),
                serverErrors,
                timeouts,
                seed));
    }
}
