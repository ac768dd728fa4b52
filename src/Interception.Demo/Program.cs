using System.Globalization;
using Autofac;
using Autofac.Extensions.DependencyInjection;
using Interception.Demo.Jobs;
using Interception.Demo.Load;
using Interception.Demo.Reporting;
using Interception.Demo.Startup;
using Interception.Demo.Storage;
using Interception.Demo.Telegram;
using Interception.Demo.Telegram.Simulator;
using Interception.Demo.Webhook;
using Interception.Metrics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Console;

namespace Interception.Demo;

/// <summary>
/// The demo: a Telegram bot backend (an ASP.NET Core webhook, SQLite, Telegram.Bot's client against a simulated Bot API,
/// background jobs and a built-in load) whose services are timed by attributes alone. It reads top to bottom:
/// configuration, container, middleware, endpoints, hosted services, then the run.
/// Exit codes: 0 after a clean stop, 2 for an invalid option or setting, 3 when an address cannot be listened on, 1 for
/// anything else (a defect; the message holds the exception).
/// </summary>
internal static class Program
{
    private const string DefaultUrls = "http://127.0.0.1:8080";

    private static Task<int> Main(string[] args) => RunAsync(args, Console.Out, Console.Error, CancellationToken.None);

    /// <summary>Runs the demo until <c>--duration</c> elapses, Ctrl+C, or <paramref name="stop"/>; returns the exit code.</summary>
    internal static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken stop)
    {
        try
        {
            return await RunCheckedAsync(args, output, stop);
        }
        catch (Exception exception) when (StartupFailure.Describe(exception) is { } failure)
        {
            await error.WriteLineAsync(failure.Message);
            return failure.ExitCode;
        }
        catch (Exception exception)
        {
            // A defect of the demo: the whole exception, and an exit code of its own rather than an abort.
            await error.WriteLineAsync($"The demo failed: {exception}");
            return StartupFailure.Unexpected;
        }
    }

    private static async Task<int> RunCheckedAsync(string[] args, TextWriter output, CancellationToken stop)
    {
        // Configuration: the command line (checked first), appsettings.json, appsettings.{Environment}.json,
        // environment variables. The demo's own sections are read and checked here; "Metrics" when the container is built.
        var commandLine = CommandLine.Parse(args);
        if (commandLine.ShowHelp)
        {
            await output.WriteAsync(Usage.Text);
            return 0;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. commandLine.HostArguments],
            ContentRootPath = AppContext.BaseDirectory,
        });
        EnvironmentFiles.Check(builder.Environment.EnvironmentName, commandLine.Environment is not null, builder.Environment.ContentRootPath);
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrls);
        }

        // Logs go to standard error: standard output is the live table.
        builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var settings = DemoSettings.Read(builder.Configuration);
        using var database = CreateDatabase(settings.Storage);
        await using var botApi = await SimulatedBotApi.StartAsync(settings.Simulator, TimeProvider.System, stop);

        // Container: Autofac with MetricsModule. Every component whose class or interface carries [MetricsTimer] is
        // timed; the console's own backend joins the fan-out next to the configured ones.
        builder.Host.UseServiceProviderFactory(new AutofacServiceProviderFactory());
        builder.Host.ConfigureContainer<ContainerBuilder>(container =>
        {
            container.RegisterModule(new MetricsModule(builder.Configuration));
            container.RegisterInstance(TimeProvider.System);
            container.RegisterInstance(settings);
            container.RegisterInstance(settings.Load);
            container.RegisterModule(new StorageModule(database));
            container.RegisterModule(new TelegramModule(settings.BotApi, botApi.Address));
            container.RegisterModule(new WebhookModule(settings.Webhook));
            container.RegisterModule(new JobsModule());
            container.RegisterModule(new ReportingModule());
        });
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<BotApiHealthCheck>("telegram_api");

        // Hosted services, started in this order, before the server listens: the schema, the recurring jobs, the
        // load (it waits for the server), the duration limit and the console.
        var interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        builder.Services.AddHostedService<SchemaInitializer>();
        builder.Services.AddHostedService<JobScheduler>();
        builder.Services.AddHostedService<LoadGenerator>();
        builder.Services.AddHostedService<DurationLimit>();
        builder.Services.AddHostedService(services => new ProgressReporter(
            services.GetRequiredService<LiveStatsBackend>(), services.GetRequiredService<ConsoleHeader>(), output, interactive, TimeProvider.System));

        // Building the container checks the "Metrics" section (exit 2) and starts a standalone metrics server when
        // one is configured (exit 3 when its port is taken).
        await using var app = builder.Build();

        // Middleware: request metrics first, so that every answer is counted with the status the client got.
        app.UseRequestMetrics(options => options.TrackInProgress = true);

        // Endpoints.
        app.MapTelegramWebhook(LoadGenerator.WebhookPath);
        app.MapMetricsEndpoint("/metrics");
        app.MapHealthChecks("/health");

        // The run: listen (exit 3 when the address is taken), show where everything is, stop, summarize.
        await app.StartAsync(stop);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        var header = app.Services.GetRequiredService<ConsoleHeader>();
        header.Text = Banner.Render(app.Configuration, settings, app.Environment.EnvironmentName, address, botApi.Address, database);
        await output.WriteLineAsync(interactive ? ProgressReporter.ClearScreen + header.Text : header.Text);

        var started = TimeProvider.System.GetTimestamp();
        await app.WaitForShutdownAsync(stop);
        var stats = app.Services.GetRequiredService<LiveStatsBackend>();
        await output.WriteLineAsync();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Summary after {TimeProvider.System.GetElapsedTime(started).TotalSeconds:0.0} s"));
        await output.WriteLineAsync(StatsTable.Operations(stats.Operations));
        await output.WriteLineAsync(StatsTable.HttpStatuses(stats.HttpStatuses));
        await output.WriteLineAsync();
        await output.WriteAsync(StatsTable.Updates(stats.Updates));
        return 0;
    }

    private static DatabaseFile CreateDatabase(StorageSettings settings)
    {
        try
        {
            return DatabaseFile.Create(settings);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new DemoConfigurationException("Demo:Data", $"cannot use the folder '{settings.DataFolder}': {exception.Message}");
        }
    }
}
