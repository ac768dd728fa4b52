using System.Collections.Concurrent;
using Castle.DynamicProxy;

namespace Interception.Metrics.Proxying;

/// <summary>
/// Creates interface proxies that time a target's <see cref="MetricsTimerAttribute"/> methods. All factories
/// share one <see cref="ProxyGenerator"/>, so each proxy type is generated once per process; nothing else is
/// shared between containers. A plan's proxies are built by a <see cref="ProxyActivator"/> made once per plan and
/// target type (<see cref="ActivatorFor"/>), so creating one is a constructor call.
/// </summary>
internal sealed class MetricsProxyFactory
{
    // One generator for the process, as Castle recommends: it owns the cache of generated proxy types.
    private static readonly ProxyGenerator Generator = new();

    private readonly IInterceptor[] _interceptors;
    private readonly MetricsInterceptorSelector _selector;
    private readonly MetricsInterceptorSelector _ownAttributesSelector;
    private readonly ConcurrentDictionary<(Type Type, bool OwnAttributesOnly, bool ForwardsToString), ProxyGenerationOptions> _options = new();

    // By plan identity: a plan is made once per registration (or activated type), so this holds one entry for each.
    private readonly ConcurrentDictionary<(ProxyPlan Plan, Type TargetType), ProxyActivator> _activators = new();

    public MetricsProxyFactory(MetricsInterceptor interceptor)
    {
        _interceptors = [interceptor];
        _selector = new MetricsInterceptorSelector(interceptor, ownAttributesOnly: false);
        _ownAttributesSelector = new MetricsInterceptorSelector(interceptor, ownAttributesOnly: true);
    }

    /// <summary>
    /// The interfaces a proxy for <paramref name="implementationType"/> implements: the services first, then every
    /// other interface of the implementation that a proxy can implement (<see cref="ProxyLimits.WhyNotImplementable"/>),
    /// so that casts the component allows keep working.
    /// </summary>
    public static Type[] ProxyInterfaces(Type implementationType, IEnumerable<Type> serviceTypes)
    {
        var services = serviceTypes.Where(t => t.IsInterface).Distinct();
        return services.Concat(implementationType.GetInterfaces().Where(i => ProxyLimits.WhyNotImplementable(i) is null))
            .Distinct()
            .ToArray();
    }

    /// <summary>Plans the proxy of <paramref name="implementationType"/> reached through <paramref name="serviceTypes"/>.</summary>
    /// <param name="implementationType">The type whose attributes decide what is timed.</param>
    /// <param name="serviceTypes">The services the proxy stands in for; they must be implementable interfaces.</param>
    /// <param name="ownAttributesOnly">Whether only the implementation's own attributes count (a decorator).</param>
    public static ProxyPlan Plan(Type implementationType, IEnumerable<Type> serviceTypes, bool ownAttributesOnly = false)
    {
        var interfaces = ProxyInterfaces(implementationType, serviceTypes);
        return new ProxyPlan(implementationType, interfaces, ownAttributesOnly, CanForwardToString(interfaces));
    }

    /// <summary>How many activators this factory has made (one per plan and target type).</summary>
    public int ActivatorCount => _activators.Count;

    /// <summary>Creates a proxy of <paramref name="target"/> implementing <paramref name="interfaces"/> (the first is the primary one).</summary>
    /// <param name="target">The instance to time; it may itself be a proxy.</param>
    /// <param name="interfaces">The interfaces the proxy implements.</param>
    /// <param name="implementationType">The type whose attributes decide what is timed (the target's, or what a proxy target stands for).</param>
    public object CreateProxy(object target, Type[] interfaces, Type implementationType)
    {
        // A plan made for this call only: not kept among the activators, which hold one entry per plan.
        var plan = new ProxyPlan(implementationType, interfaces, ownAttributesOnly: false, CanForwardToString(interfaces));
        return new ProxyActivator(Generator, plan, target.GetType(), OptionsFor(plan), _interceptors).Create(target);
    }

    /// <summary>
    /// The activator of <paramref name="plan"/>'s proxy around targets of <paramref name="targetType"/>: generates the proxy
    /// type on the first call and binds its constructor; later calls for the same plan and target type return the same
    /// activator. A caller that keeps it (one per registration) creates each proxy without any lookup.
    /// </summary>
    /// <exception cref="Exception">Castle cannot generate the proxy type (the caller leaves the target untimed).</exception>
    public ProxyActivator ActivatorFor(ProxyPlan plan, Type targetType)
    {
        if (_activators.TryGetValue((plan, targetType), out var activator))
        {
            return activator;
        }

        // Two threads may both build one; either is correct, and Castle generates the type once.
        return _activators.GetOrAdd((plan, targetType), new ProxyActivator(Generator, plan, targetType, OptionsFor(plan), _interceptors));
    }

    /// <summary>
    /// Whether <paramref name="instance"/> is already timed by a <see cref="MetricsInterceptor"/>: a proxy carrying
    /// one, or a proxy whose target (however deep) is. Wrapping it again would count each call twice.
    /// </summary>
    public static bool IsTimingProxy(object instance)
    {
        var current = instance;
        for (var depth = 0; depth < 16 && current is IProxyTargetAccessor accessor; depth++)
        {
            if (Array.Exists(accessor.GetInterceptors(), i => i is MetricsInterceptor))
            {
                return true;
            }

            var target = accessor.DynProxyGetTarget();
            if (target is null || ReferenceEquals(target, current))
            {
                return false;
            }

            current = target;
        }

        return false;
    }

    // Castle compares options by hook, base type and whether a selector is set (not which one), so every
    // container's options for one plan hit the same cached proxy type.
    private ProxyGenerationOptions OptionsFor(ProxyPlan plan) =>
        _options.GetOrAdd(
            (plan.ImplementationType, plan.OwnAttributesOnly, plan.ForwardsToString),
            key => new ProxyGenerationOptions(new MetricsProxyGenerationHook(key.Type, key.OwnAttributesOnly))
            {
                Selector = key.OwnAttributesOnly ? _ownAttributesSelector : _selector,
                BaseTypeForInterfaceProxy = key.ForwardsToString ? typeof(TimingProxy) : typeof(object),
            });

    // TimingProxy lives in an unsigned assembly, which sends the proxy type to Castle's unsigned module. There,
    // a non-public interface of a signed assembly (visible to Castle's signed module only) cannot be implemented:
    // such a proxy keeps object as its base and ToString is not forwarded.
    private static bool CanForwardToString(Type[] interfaces) =>
        !Array.Exists(interfaces, i => !i.IsVisible && i.Assembly.GetName().GetPublicKeyToken() is { Length: > 0 });
}
