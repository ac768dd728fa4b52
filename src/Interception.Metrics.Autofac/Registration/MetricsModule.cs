using Autofac;
using Autofac.Builder;
using Autofac.Core;
using Autofac.Core.Registration;
using Interception.Metrics.Configuration;
using Interception.Metrics.Proxying;
using Interception.Metrics.Registration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Interception.Metrics;

/// <summary>
/// Wires metrics into an Autofac container from the "Metrics" configuration section: registers the collector
/// services, the <see cref="MetricsFactory"/> of the application's own metrics and the configured backends (plus every <see cref="IMetricsBackend"/> the application registers,
/// in one fan-out) and intercepts every component whose implementation or service interface carries
/// <see cref="MetricsTimerAttribute"/>. Components without it are returned as they are.
/// </summary>
/// <remarks>
/// One module per container: registering it again in the same builder does nothing but log a warning. A module
/// registered in a child lifetime scope times the components registered in that scope (and the scopes below it)
/// into its own backends; the parent's components stay with the parent's module.
/// </remarks>
/// <example>
/// <code>
/// builder.RegisterModule(new MetricsModule(configuration));
/// builder.RegisterType&lt;ChannelService&gt;().As&lt;IChannelService&gt;();
/// </code>
/// </example>
public sealed class MetricsModule : Module
{
    private readonly IConfiguration _configuration;

    /// <summary>Creates the module.</summary>
    /// <param name="configuration">The application's root configuration; the module reads its "Metrics" section.</param>
    public MetricsModule(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _configuration = configuration;
    }

    /// <summary>Reads and validates the configuration, then registers the services and backends.</summary>
    /// <exception cref="MetricsConfigurationException">The "Metrics" section is invalid; the message names the key and the valid choices.</exception>
    protected override void Load(ContainerBuilder builder)
    {
        var enclosing = ModuleScope.In(builder.Properties);
        if (enclosing is not null && enclosing.IsOwnerOf(builder.Properties))
        {
            enclosing.Attacher.Warn(
                "MetricsModule is registered more than once in this container; only the first registration is used, the others are ignored.");
            return;
        }

        var settings = MetricsSettingsReader.Read(_configuration);
        var attacher = new InterceptionAttacher(settings.Enabled, settings.AutoIntercept, enclosing?.Attacher, settings.Proxy);
        new ModuleScope(this, builder.Properties, attacher).Claim();

        Own(builder.Register(c => new ConfiguredBackends(
            settings.Enabled ? settings.Backends : [],
            new MetricsBackendContext(settings.CardinalityLimit, settings.HistogramBuckets, Loggers(c), Clock(c)))));

        Own(builder.Register(c => new MultiMetricsBackend(
            settings.Enabled ? [.. c.Resolve<ConfiguredBackends>().Backends, .. c.Resolve<IEnumerable<IMetricsBackend>>()] : [],
            Loggers(c).CreateLogger<MultiMetricsBackend>(),
            settings.CardinalityLimit,
            Clock(c))));

        Own(builder.Register(c =>
        {
            var collector = new MetricsCollectorService(c.Resolve<MultiMetricsBackend>(), settings.HistogramBuckets);
            collector.SetAppInfo(
                settings.AppVersion ?? AppInfoDefaults.Version(),
                settings.AppEnvironment ?? AppInfoDefaults.Environment(c.ResolveOptional<IHostEnvironment>()));
            if (settings.DeclareTelegramBotMetrics)
            {
                collector.DeclareTelegramMetrics();
            }

            return collector;
        })).AutoActivate();
        Own(builder.Register(c =>
        {
            var business = new BusinessMetricsService(c.Resolve<MultiMetricsBackend>());
            if (settings.DeclareTelegramBotMetrics)
            {
                business.DeclareMetrics();
            }

            return business;
        })).AutoActivate();
        Own(builder.Register(c => new HealthCheckService(c.Resolve<MultiMetricsBackend>()))).AutoActivate();
        Own(builder.Register(c => new MetricsFactory(c.Resolve<MultiMetricsBackend>(), settings.HistogramBuckets, Clock(c))));
        Own(builder.Register(c => new SystemMetricsService(
            c.Resolve<MultiMetricsBackend>(),
            c.ResolveOptional<ISystemMetricsProvider>() ?? new MachineMetricsProvider(),
            c.Resolve<MetricsCollectorService>(),
            c.ResolveOptional<IDatabaseMetricsProvider>(),
            c.ResolveOptional<IBackgroundWorkerMetricsProvider>(),
            Loggers(c).CreateLogger<SystemMetricsService>(),
            Clock(c)))).AutoActivate();
        Own(builder.Register(c =>
        {
            // The system metrics service is resolved on the first [CollectSystemMetrics] call, not now: its
            // providers (a repository, a worker pool) may be timed components whose proxies need this interceptor.
            var scope = c.Resolve<ILifetimeScope>();
            return new MetricsInterceptor(
                c.Resolve<MetricsCollectorService>(),
                () => scope.Resolve<SystemMetricsService>(),
                Loggers(c).CreateLogger<MetricsInterceptor>(),
                Clock(c),
                settings.Tracing);
        }));

        // Keyed by the attacher as well: the timing steps of this module's components find this module's factory
        // even when a child scope with a module of its own activates them.
        Own(builder.Register(c => new MetricsProxyFactory(c.Resolve<MetricsInterceptor>()))).Keyed<MetricsProxyFactory>(attacher);

        // Keyed the same way: the plans that this module's generated decorators call.
        Own(builder.Register(c => new DecoratorTimers(c.Resolve<MetricsInterceptor>()))).Keyed<DecoratorTimers>(attacher);

        builder.RegisterBuildCallback(scope =>
        {
            attacher.ReportTo(Loggers(scope).CreateLogger<MetricsModule>());
            if (settings.Enabled && settings.WarmUp)
            {
                attacher.WarmUp(scope.ResolveKeyed<MetricsProxyFactory>(attacher));
            }
        });
    }

    /// <summary>Adds the timing step to components that carry timing attributes, when this module owns their scope.</summary>
    protected override void AttachToComponentRegistration(IComponentRegistryBuilder componentRegistry, IComponentRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(componentRegistry);
        ArgumentNullException.ThrowIfNull(registration);

        // The handlers of every module above a scope see that scope's registrations too; the nearest module times them.
        if (ModuleScope.In(componentRegistry.Properties) is { } owner && ReferenceEquals(owner.Module, this))
        {
            owner.Attacher.Attach(registration);
        }
    }

    private static IRegistrationBuilder<T, SimpleActivatorData, SingleRegistrationStyle> Own<T>(
        IRegistrationBuilder<T, SimpleActivatorData, SingleRegistrationStyle> registration)
        where T : notnull =>
        registration.AsSelf().SingleInstance().WithMetadata(InterceptionAttacher.OwnRegistrationKey, true);

    private static ILoggerFactory Loggers(IComponentContext context) =>
        context.ResolveOptional<ILoggerFactory>() ?? NullLoggerFactory.Instance;

    private static TimeProvider Clock(IComponentContext context) =>
        context.ResolveOptional<TimeProvider>() ?? TimeProvider.System;
}
