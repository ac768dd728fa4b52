using System.Collections.Concurrent;
using Castle.DynamicProxy;

namespace Interception.Metrics.Proxying;

/// <summary>
/// Creates interface proxies that time a target's <see cref="MetricsTimerAttribute"/> methods. All factories
/// share one <see cref="ProxyGenerator"/>, so each proxy type is generated once per process; nothing else is
/// shared between containers.
/// </summary>
internal sealed class MetricsProxyFactory
{
    // One generator for the process, as Castle recommends: it owns the cache of generated proxy types.
    private static readonly ProxyGenerator Generator = new();

    private readonly IInterceptor[] _interceptors;
    private readonly MetricsInterceptorSelector _selector;
    private readonly ConcurrentDictionary<Type, ProxyGenerationOptions> _options = new();

    public MetricsProxyFactory(MetricsInterceptor interceptor)
    {
        _interceptors = [interceptor];
        _selector = new MetricsInterceptorSelector(interceptor);
    }

    /// <summary>The interfaces a proxy for <paramref name="implementationType"/> implements: every public interface it implements, services first.</summary>
    public static Type[] ProxyInterfaces(Type implementationType, IEnumerable<Type> serviceTypes)
    {
        var services = serviceTypes.Where(t => t.IsInterface).Distinct();
        return services.Concat(implementationType.GetInterfaces().Where(ProxyUtil.IsAccessible))
            .Distinct()
            .ToArray();
    }

    /// <summary>Creates a proxy of <paramref name="target"/> implementing <paramref name="interfaces"/> (the first is the primary one).</summary>
    /// <param name="target">The instance to time; it may itself be a proxy.</param>
    /// <param name="interfaces">The interfaces the proxy implements.</param>
    /// <param name="implementationType">The type whose attributes decide what is timed (the target's, or what a proxy target stands for).</param>
    public object CreateProxy(object target, Type[] interfaces, Type implementationType)
    {
        // Castle compares options by hook and by whether a selector is set, not by which selector, so every
        // container's options for one implementation type hit the same cached proxy type.
        var options = _options.GetOrAdd(
            implementationType,
            type => new ProxyGenerationOptions(new MetricsProxyGenerationHook(type)) { Selector = _selector });
        return Generator.CreateInterfaceProxyWithTarget(interfaces[0], interfaces[1..], target, options, _interceptors);
    }

    /// <summary>Whether <paramref name="implementationType"/> has timed methods reachable through <paramref name="serviceTypes"/>.</summary>
    /// <param name="implementationType">The implementation whose attributes decide.</param>
    /// <param name="serviceTypes">The services it is reached through.</param>
    /// <param name="malformed">Receives the error of each malformed attribute; such a method counts as timed and proceeds untimed.</param>
    public static bool IsTimed(Type implementationType, IEnumerable<Type> serviceTypes, Action<ArgumentException>? malformed = null) =>
        Timing.TimingAttributes.HasTimedMethods(implementationType, serviceTypes, malformed);
}
