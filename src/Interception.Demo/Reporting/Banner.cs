using System.Globalization;
using System.Text;
using Interception.Demo.Startup;
using Interception.Demo.Storage;
using Microsoft.Extensions.Configuration;

namespace Interception.Demo.Reporting;

/// <summary>The banner: the demo's addresses, which metrics backends are on and where each sends, the Bot API, the database and the load.</summary>
internal static class Banner
{
    /// <param name="configuration">The application's configuration (its <c>Metrics</c> section, already validated).</param>
    /// <param name="settings">The demo's settings.</param>
    /// <param name="environment">The host's environment name.</param>
    /// <param name="address">The address the application listens on, such as <c>http://127.0.0.1:8080</c>.</param>
    /// <param name="botApi">The simulated Bot API's address.</param>
    /// <param name="database">The database file.</param>
    public static string Render(IConfiguration configuration, DemoSettings settings, string environment, Uri address, Uri botApi, DatabaseFile database)
    {
        var root = address.GetLeftPart(UriPartial.Authority);
        var simulator = settings.Simulator;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Interception demo: a Telegram bot backend, timed by attributes (environment {environment})");
        text.AppendLine(CultureInfo.InvariantCulture, $"  webhook   POST {root}/telegram/webhook (header {Webhook.WebhookSecret.HeaderName})");
        text.AppendLine(CultureInfo.InvariantCulture, $"  metrics   {Backends(configuration, root)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  health    {root}/health");
        text.AppendLine(CultureInfo.InvariantCulture, $"  Bot API   simulated at {botApi.GetLeftPart(UriPartial.Authority)}: {simulator.MinLatency.TotalMilliseconds:0}-{simulator.MaxLatency.TotalMilliseconds:0} ms, 429 {Percent(simulator.RateLimitRate)}, 502 {Percent(simulator.ServerErrorRate)}, no answer {Percent(simulator.TimeoutRate)}; timeout {settings.BotApi.RequestTimeout.TotalSeconds:0.###} s");
        text.AppendLine(CultureInfo.InvariantCulture, $"  database  {database.Path} ({(database.IsTemporary ? "removed on exit; --data <folder> keeps it" : "kept")})");
        text.AppendLine(CultureInfo.InvariantCulture, $"  load      {(settings.Load.Enabled ? $"{settings.Load.Workers} workers posting updates, seed {settings.Load.Seed}" : "off (--no-load): serving only")}");
        text.Append(settings.DurationSeconds > 0
            ? string.Create(CultureInfo.InvariantCulture, $"  stops     after {settings.DurationSeconds} s, or on Ctrl+C")
            : "  stops     on Ctrl+C");
        return text.ToString();
    }

    /// <summary>Each backend that is on, with where it sends: the Prometheus URL(s), StatsD host:port and prefix, the meter's name.</summary>
    private static string Backends(IConfiguration configuration, string root)
    {
        var metrics = configuration.GetSection("Metrics");
        if (!metrics.GetValue("Enabled", true))
        {
            return "off (Metrics:Enabled=false)";
        }

        var backends = metrics.GetSection("Backends");
        var on = new List<string>();
        var prometheus = backends.GetSection("Prometheus");
        if (prometheus.GetValue("Enabled", true))
        {
            var server = prometheus.GetSection("Server");
            var standalone = server.GetValue("Enabled", false)
                ? $" and http://{server["Host"] ?? "127.0.0.1"}:{server["Port"] ?? "9464"}{server["Path"] ?? "/metrics"}"
                : string.Empty;
            on.Add($"Prometheus {root}/metrics{standalone}");
        }

        var statsd = backends.GetSection("StatsD");
        if (statsd.GetValue("Enabled", false))
        {
            var prefix = statsd["Prefix"] is { Length: > 0 } value ? $", prefix '{value}'" : string.Empty;
            on.Add($"StatsD udp://{statsd["Host"] ?? "127.0.0.1"}:{statsd["Port"] ?? "8125"}{prefix}");
        }

        var meter = backends.GetSection("Meter");
        if (meter.GetValue("Enabled", false))
        {
            on.Add($"Meter '{meter["MeterName"] ?? "Interception.Metrics"}' (System.Diagnostics.Metrics)");
        }

        if (backends.GetSection("InMemory").GetValue("Enabled", false))
        {
            on.Add("in-memory");
        }

        on.Add("the console below");
        return string.Join(" | ", on);
    }

    private static string Percent(double rate) => (rate * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";
}
