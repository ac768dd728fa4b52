namespace Interception.Demo.Startup;

/// <summary>The text of <c>--help</c>.</summary>
internal static class Usage
{
    public const string Text = """
        Interception demo: a Telegram bot backend (ASP.NET Core webhook, SQLite, Telegram.Bot's client against a
        simulated Bot API) whose services are timed by [MetricsTimer] attributes alone.

        Usage: dotnet run --project src/Interception.Demo -- [options]

          --urls <addresses>     where to listen (default http://127.0.0.1:8080; port 0 picks a free one)
          --duration <seconds>   stop after this long (default 0: run until Ctrl+C)
          --workers <n>          concurrent senders of the built-in load, 1 to 1000 (default 4)
          --seed <n>             seed of the load and of the simulated Bot API (default 42)
          --no-load              serve only: no built-in load
          --data <folder>        keep the SQLite database in this folder (default: a temporary folder, removed on exit)
          --environment <name>   also read appsettings.<name>.json (AllBackends: Prometheus, StatsD and Meter)
          --Section:Key=value    any setting of the Metrics, Bot, Telegram, Demo or Logging sections of appsettings.json
          --help                 this text

        Endpoints: POST /telegram/webhook (header X-Telegram-Bot-Api-Secret-Token: the Bot:WebhookSecret setting,
        default demo-secret), GET /metrics, GET /health.
        Exit codes: 0 after a clean stop, 2 for an invalid option or setting, 3 when an address cannot be listened on.

        """;
}
