using System.Collections.Concurrent;
using System.Reflection;
using Autofac;
using Autofac.Core;
using Autofac.Core.Activators.Reflection;
using Autofac.Core.Resolving.Pipeline;
using Autofac.Features.Decorators;
using Castle.DynamicProxy;
using Interception.Metrics.Proxying;
using Microsoft.Extensions.Logging;

namespace Interception.Metrics.Registration;

/// <summary>
/// Decides which registrations get timed and adds, to those only, a step at the start of their activation that
/// wraps the new instance in a timing proxy. Because it runs inside activation, sharing (singletons, scopes) and
/// decorators see the proxy: a singleton resolves the same proxy every time and a decorator wraps the proxy.
/// </summary>
internal sealed class InterceptionAttacher(bool autoIntercept)
{
    /// <summary>Metadata key marking the module's own registrations, which are never intercepted.</summary>
    public const string OwnRegistrationKey = "Interception.Metrics.Own";

    private readonly Lock _gate = new();
    private readonly List<string> _pendingWarnings = [];
    private ILogger? _logger;

    /// <summary>
    /// Logs the warnings found so far (registrations that carry timing attributes but cannot be fully timed) and
    /// every later one: lambda, instance and open generic registrations are decided at their first resolve.
    /// </summary>
    public void ReportTo(ILogger logger)
    {
        string[] pending;
        lock (_gate)
        {
            _logger = logger;
            pending = [.. _pendingWarnings];
            _pendingWarnings.Clear();
        }

        foreach (var warning in pending)
        {
            logger.LogWarning("{Warning}", warning);
        }
    }

    public void Attach(IComponentRegistration registration)
    {
        if (registration.Metadata.ContainsKey(OwnRegistrationKey)
            || !(autoIntercept || registration.Metadata.ContainsKey(MetricsRegistrationExtensions.InterceptionMetadataKey))
            || registration.Services.Any(s => s is DecoratorService))
        {
            return;
        }

        var serviceTypes = registration.Services.OfType<IServiceWithType>().Select(s => s.ServiceType).Distinct().ToArray();
        if (serviceTypes.Length == 0 || serviceTypes.Contains(typeof(IMetricsBackend)))
        {
            return;
        }

        if (registration.Activator is ReflectionActivator)
        {
            // The implementation type is known now: decide once, and leave untimed components untouched.
            var implementationType = registration.Activator.LimitType;
            var interfaces = Decide(implementationType, serviceTypes);
            if (interfaces is not null)
            {
                registration.PipelineBuilding += (_, pipeline) => pipeline.Use(
                    PipelinePhase.Activation,
                    MiddlewareInsertionMode.StartOfPhase,
                    (context, next) =>
                    {
                        next(context);
                        context.Instance = context.Resolve<MetricsProxyFactory>().CreateProxy(context.Instance!, interfaces, implementationType);
                    });
            }

            return;
        }

        // Lambdas and instances: decided by the activated instance's type, once per type.
        var decisions = new ConcurrentDictionary<Type, Type[]?>();
        registration.PipelineBuilding += (_, pipeline) => pipeline.Use(
            PipelinePhase.Activation,
            MiddlewareInsertionMode.StartOfPhase,
            (context, next) =>
            {
                next(context);
                var instance = context.Instance;
                if (instance is null)
                {
                    return;
                }

                var implementationType = ProxyUtil.GetUnproxiedType(instance);
                var interfaces = decisions.GetOrAdd(instance.GetType(), _ => Decide(implementationType, serviceTypes));
                if (interfaces is not null)
                {
                    context.Instance = context.Resolve<MetricsProxyFactory>().CreateProxy(instance, interfaces, implementationType);
                }
            });
    }

    private Type[]? Decide(Type implementationType, Type[] serviceTypes)
    {
        try
        {
            if (implementationType.IsArray || implementationType.IsPrimitive || implementationType.IsValueType)
            {
                return null;
            }

            var timed = MetricsProxyFactory.IsTimed(implementationType, serviceTypes, ReportMalformed)
                || (serviceTypes.Any(t => !t.IsInterface) && CarriesTimer(implementationType));
            return timed ? ProxyableInterfaces(implementationType, serviceTypes) : null;
        }
        catch (Exception exception) when (exception is ArgumentException or TypeLoadException or NotSupportedException)
        {
            Warn($"{implementationType.FullName} is not timed: its attributes could not be read ({exception.Message}).");
            return null;
        }
    }

    // Registered as a class, a component is not reached through its interfaces, but its attributes still ask for timing.
    private static bool CarriesTimer(Type implementationType) =>
        implementationType.IsDefined(typeof(MetricsTimerAttribute), inherit: true)
        || implementationType.GetMethods(BindingFlags.Public | BindingFlags.Instance).Any(m => m.IsDefined(typeof(MetricsTimerAttribute), inherit: true))
        || MetricsProxyFactory.IsTimed(implementationType, implementationType.GetInterfaces());

    private void Warn(string warning)
    {
        ILogger? logger;
        lock (_gate)
        {
            logger = _logger;
            if (logger is null)
            {
                _pendingWarnings.Add(warning);
                return;
            }
        }

        logger.LogWarning("{Warning}", warning);
    }

    private void ReportMalformed(ArgumentException exception) =>
        Warn($"{exception.Message} That method's calls proceed untimed; the component's other timed methods are still timed.");

    private Type[]? ProxyableInterfaces(Type implementationType, Type[] serviceTypes)
    {
        var unusable = serviceTypes.Where(t => !t.IsInterface || !ProxyUtil.IsAccessible(t)).ToArray();
        if (unusable.Length > 0)
        {
            Warn(
                $"{implementationType.FullName} has [MetricsTimer] methods but is registered as {string.Join(", ", unusable.Select(t => t.FullName))}, "
                + "which a timing proxy cannot stand in for (only public interfaces, or internal ones visible to DynamicProxyGenAssembly2, can); "
                + "its calls are not timed. Register it only as interfaces to time it.");
            return null;
        }

        return MetricsProxyFactory.ProxyInterfaces(implementationType, serviceTypes);
    }
}
