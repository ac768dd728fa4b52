using Autofac;
using Autofac.Extensions.DependencyInjection;
using Interception.Demo.Bot.Channels;
using Interception.Demo.Bot.Jobs;
using Interception.Demo.Bot.Posts;
using Interception.Demo.Bot.Storage;
using Interception.Demo.Bot.Telegram;
using Interception.Demo.Bot.Updates;
using Interception.Demo.Health;
using Interception.Demo.Reporting;
using Interception.Demo.Simulation;
using Interception.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Interception.Demo;

/// <summary>Builds the demo's generic host: Autofac with <see cref="MetricsModule"/>, the simulated bot, health checks and the console reporter.</summary>
internal static class DemoHost
{
    private static readonly Dictionary<string, string> SwitchMappings = new(StringComparer.Ordinal)
    {
        ["--duration"] = "Demo:Duration",
        ["--workers"] = "Demo:Workers",
        ["--seed"] = "Demo:Seed",
    };

    /// <summary>Builds the host; building it builds the container, so invalid metrics configuration fails here.</summary>
    /// <param name="args">Command line: <c>--duration</c>, <c>--workers</c>, <c>--seed</c>, <c>--environment</c>, <c>--Metrics:...</c>.</param>
    /// <param name="output">Where progress goes.</param>
    /// <param name="overrides">Configuration applied last (tests use it).</param>
    public static IHost Build(string[] args, TextWriter output, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddCommandLine(args, SwitchMappings);
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection("Demo"));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks()
            .AddCheck<TelegramApiHealthCheck>("telegram_api")
            .AddCheck<DatabaseHealthCheck>("database");
        builder.Services.AddHostedService<HealthCheckForwarder>();
        builder.Services.AddHostedService<DurationLimit>();

        var seed = builder.Configuration.GetValue("Demo:Seed", 42);
        builder.ConfigureContainer(new AutofacServiceProviderFactory(), container =>
        {
            container.RegisterModule(new MetricsModule(builder.Configuration));

            container.RegisterInstance(new ChaosSource(seed));
            container.RegisterType<SimulatedTelegramApiClient>().As<ITelegramApiClient>().SingleInstance();
            container.RegisterType<SimulatedBotRepository>().As<IBotRepository>().As<IDatabaseMetricsProvider>().SingleInstance();
            container.RegisterType<ChannelService>().As<IChannelService>().SingleInstance();
            container.RegisterType<PostService>().As<IPostService>().SingleInstance();
            container.RegisterType<UpdateHandler>().As<IUpdateHandler>().InstancePerDependency();
            container.RegisterType<WebhookEndpoint>().As<IWebhookEndpoint>().SingleInstance();
            container.RegisterType<BotJobs>().As<IBotJobs>().SingleInstance();
            container.RegisterType<BotSimulation>().As<IHostedService>().As<IBackgroundWorkerMetricsProvider>().SingleInstance();

            // The demo's own backend joins the fan-out next to the configured ones and feeds the console table.
            container.RegisterType<LiveStatsBackend>().AsSelf().As<IMetricsBackend>().SingleInstance();
            container.Register(c => new ProgressReporter(c.Resolve<LiveStatsBackend>(), output, c.Resolve<TimeProvider>()))
                .As<IHostedService>()
                .SingleInstance();
        });

        return builder.Build();
    }
}
