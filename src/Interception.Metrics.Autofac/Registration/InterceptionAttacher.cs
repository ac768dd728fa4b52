using System.Collections.Concurrent;
using System.Reflection;
using Autofac;
using Autofac.Core;
using Autofac.Core.Activators.Reflection;
using Autofac.Core.Resolving.Pipeline;
using Autofac.Features.Decorators;
using Castle.DynamicProxy;
using Interception.Metrics.Configuration;
using Interception.Metrics.Proxying;
using Interception.Metrics.Timing;
using Interception.Metrics.Timing.Decorators;
using Microsoft.Extensions.Logging;

namespace Interception.Metrics.Registration;

/// <summary>
/// Decides which registrations get timed and adds, to those only, a <see cref="TimingStep"/> at the start of their
/// activation that wraps the new instance in a timing proxy. Because it runs inside activation, sharing (singletons,
/// scopes) and decorators see the proxy: a singleton resolves the same proxy every time and a decorator wraps the
/// proxy. A decorator is timed only for its own attributes, so a call is not timed twice through an attribute the
/// decorator merely inherits from the interface.
/// </summary>
/// <param name="enabled">Whether metrics are on (<c>Metrics:Enabled</c>).</param>
/// <param name="autoIntercept">Whether every timed component is intercepted, not only opted-in ones.</param>
/// <param name="parent">The attacher of the module of the enclosing lifetime scope, if any.</param>
/// <param name="proxy">Whether a generated decorator stands in for Castle where the implementation has one (<c>Metrics:Proxy</c>).</param>
internal sealed class InterceptionAttacher(bool enabled, bool autoIntercept, InterceptionAttacher? parent, ProxyMode proxy = ProxyMode.Auto)
{
    /// <summary>Metadata key marking the module's own registrations, which are never intercepted.</summary>
    public const string OwnRegistrationKey = "Interception.Metrics.Own";

    // The registrations examined, by id: each gets at most one step, even when the module is registered twice, and
    // a child scope's module skips the stand-ins of its parent's registrations (they share the parent's id and pipeline).
    private readonly ConcurrentDictionary<Guid, bool> _examined = new();
    private readonly InterceptionAttacher? _parent = parent;
    private readonly Lock _gate = new();
    private readonly List<string> _pendingWarnings = [];
    private readonly List<(TimingStep Step, Type TargetType)> _stepsByType = [];
    private ILogger? _logger;
    private GeneratedDecorators? _decorators;

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
            Write(logger, warning);
        }
    }

    /// <summary>Logs <paramref name="warning"/>, or keeps it until the container's logger is known.</summary>
    public void Warn(string warning)
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

        Write(logger, warning);
    }

    /// <summary>
    /// Generates, through <paramref name="factory"/>, the proxy type of every timed component registered by type
    /// (<c>Metrics:WarmUp</c>). Lambdas, instances and open generics are decided by the instance they activate, so
    /// theirs are still generated at their first resolve.
    /// </summary>
    public void WarmUp(MetricsProxyFactory factory)
    {
        (TimingStep Step, Type TargetType)[] steps;
        lock (_gate)
        {
            steps = [.. _stepsByType];
        }

        foreach (var (step, targetType) in steps)
        {
            step.WarmUp(factory, targetType);
        }
    }

    public void Attach(IComponentRegistration registration)
    {
        if (!enabled
            || registration.Metadata.ContainsKey(OwnRegistrationKey)
            || !(autoIntercept || registration.Metadata.ContainsKey(MetricsRegistrationExtensions.InterceptionMetadataKey)))
        {
            return;
        }

        var serviceTypes = registration.Services.OfType<IServiceWithType>().Select(s => s.ServiceType).Distinct().ToArray();
        if (serviceTypes.Length == 0 || serviceTypes.Contains(typeof(IMetricsBackend)) || !Examine(registration.Id))
        {
            return;
        }

        var decorator = registration.Services.Any(s => s is DecoratorService);
        if (registration.Activator is ReflectionActivator)
        {
            // The implementation type is known now: decide once, and leave untimed components untouched.
            var plan = Decide(registration.Activator.LimitType, serviceTypes, decorator);
            if (plan is not null)
            {
                var castle = new TimingStep(plan, this);
                Action<ResolveRequestContext> step;
                if (Generated(plan, castle) is { } generated)
                {
                    step = generated.Wrap;
                }
                else
                {
                    // Only Castle's proxy types take generating (Metrics:WarmUp); a generated decorator is compiled already.
                    step = castle.Wrap;
                    lock (_gate)
                    {
                        _stepsByType.Add((castle, registration.Activator.LimitType));
                    }
                }

                registration.PipelineBuilding += (_, pipeline) =>
                    pipeline.Use(PipelinePhase.Activation, MiddlewareInsertionMode.StartOfPhase, (context, next) =>
                    {
                        next(context);
                        step(context);
                    });
            }

            return;
        }

        // Lambdas and instances: decided by the activated instance's type, once per type.
        var steps = new ConcurrentDictionary<Type, Action<ResolveRequestContext>?>();
        registration.PipelineBuilding += (_, pipeline) => pipeline.Use(
            PipelinePhase.Activation,
            MiddlewareInsertionMode.StartOfPhase,
            (context, next) =>
            {
                next(context);
                // A generated decorator is timed already (a lambda returning another timed component).
                if (context.Instance is not { } instance || instance is ITimingDecorator)
                {
                    return;
                }

                // Looked up here, so that a resolve of a type already decided allocates no closure.
                if (!steps.TryGetValue(instance.GetType(), out var step))
                {
                    step = AddStep(steps, instance, serviceTypes, decorator);
                }

                step?.Invoke(context);
            });
    }

    private Action<ResolveRequestContext>? AddStep(
        ConcurrentDictionary<Type, Action<ResolveRequestContext>?> steps, object instance, Type[] serviceTypes, bool decorator) =>
        steps.GetOrAdd(instance.GetType(), _ => Decide(ProxyUtil.GetUnproxiedType(instance), serviceTypes, decorator) is { } plan
            ? Step(plan, new TimingStep(plan, this))
            : null);

    // The generated decorator decides first; the Castle step stays as it is and takes whatever the decorator cannot.
    private Action<ResolveRequestContext> Step(ProxyPlan plan, TimingStep castle) =>
        Generated(plan, castle) is { } generated ? generated.Wrap : castle.Wrap;

    // The step of the generated decorator of the plan's implementation, when its assembly has one that fits and
    // Metrics:Proxy allows it; null for Castle.
    private GeneratedTimingStep? Generated(ProxyPlan plan, TimingStep castle)
    {
        if (proxy != ProxyMode.Auto)
        {
            return null;
        }

        _decorators ??= new GeneratedDecorators(Warn);
        return _decorators.Find(plan.ImplementationType) is { } factory
            && plan.AdditionalInterfaces.Prepend(plan.PrimaryInterface).All(i => i.IsAssignableFrom(factory.DecoratorType))
            ? new GeneratedTimingStep(plan, factory, castle, this)
            : null;
    }

    private bool Examine(Guid registrationId)
    {
        for (var ancestor = _parent; ancestor is not null; ancestor = ancestor._parent)
        {
            if (ancestor._examined.ContainsKey(registrationId))
            {
                return false;
            }
        }

        return _examined.TryAdd(registrationId, true);
    }

    // Registered as a class, a component is not reached through its interfaces, but its attributes still ask for timing.
    private static bool CarriesTimer(Type implementationType) =>
        implementationType.IsDefined(typeof(MetricsTimerAttribute), inherit: true)
        || implementationType.GetMethods(BindingFlags.Public | BindingFlags.Instance).Any(m => m.IsDefined(typeof(MetricsTimerAttribute), inherit: true))
        || TimingAttributes.TimedMethods(implementationType, implementationType.GetInterfaces()).Count > 0;

    private ProxyPlan? Decide(Type implementationType, Type[] serviceTypes, bool decorator)
    {
        try
        {
            if (implementationType.IsArray || implementationType.IsPrimitive || implementationType.IsValueType)
            {
                return null;
            }

            var interceptable = 0;
            foreach (var method in TimingAttributes.TimedMethods(implementationType, serviceTypes, decorator, ReportMalformed))
            {
                if (ProxyLimits.WhyNotInterceptable(method) is { } reason)
                {
                    Warn(
                        $"{implementationType.FullName}.{method.Name} is not timed: {reason}, which a proxy cannot pass to an interceptor. "
                        + "Its calls go straight to the component; its other timed methods are still timed.");
                }
                else
                {
                    interceptable++;
                }
            }

            var timed = interceptable > 0 || (!decorator && serviceTypes.Any(t => !t.IsInterface) && CarriesTimer(implementationType));
            return timed ? Plan(implementationType, serviceTypes, decorator) : null;
        }
        catch (Exception exception)
        {
            Warn($"{implementationType.FullName} is not timed: its attributes could not be read ({exception.Message}).");
            return null;
        }
    }

    private void ReportMalformed(ArgumentException exception) =>
        Warn($"{exception.Message} That method's calls proceed untimed; the component's other timed methods are still timed.");

    private ProxyPlan? Plan(Type implementationType, Type[] serviceTypes, bool decorator)
    {
        var classes = serviceTypes.Where(t => !t.IsInterface).ToArray();
        if (classes.Length > 0)
        {
            Warn(
                $"{implementationType.FullName} has [MetricsTimer] methods but is registered as {string.Join(", ", classes.Select(t => t.FullName))}, "
                + "which a timing proxy cannot stand in for (only interfaces can); its calls are not timed. Register it only as interfaces to time it.");
            return null;
        }

        foreach (var service in serviceTypes)
        {
            if (ProxyLimits.WhyNotImplementable(service) is { } reason)
            {
                Warn(
                    $"{implementationType.FullName} has [MetricsTimer] methods but is not timed: a timing proxy cannot stand in for "
                    + $"{TypeDisplay.Of(service)}, because {reason}. It is returned as it is.");
                return null;
            }
        }

        return MetricsProxyFactory.Plan(implementationType, serviceTypes, decorator);
    }

    /// <summary>Logs a warning at container build or at a component's first resolve, neither of which a logger that throws may fail.</summary>
    private static void Write(ILogger logger, string warning)
    {
        try
        {
            logger.LogWarning("{Warning}", warning);
        }
        catch (Exception)
        {
            // The component is left as the warning says; only the log entry is lost.
        }
    }
}
