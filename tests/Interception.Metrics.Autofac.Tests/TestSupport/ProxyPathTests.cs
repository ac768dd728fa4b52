using Autofac;
using Interception.Metrics.Timing.Decorators;
using Microsoft.Extensions.Configuration;

namespace Interception.Metrics.Autofac.Tests.TestSupport;

/// <summary>
/// Tests that run once per way of timing a component (<c>Metrics:Proxy</c>): <c>Auto</c>, where this assembly's
/// fixtures have source-generated decorators, and <c>DynamicProxy</c>, which forces Castle. The assertions are the same
/// on both paths; only what a timed instance is differs.
/// </summary>
/// <param name="proxy">The value of <c>Metrics:Proxy</c>.</param>
public abstract class ProxyPathTests(string proxy)
{
    /// <summary>Whether the path under test is the generated one.</summary>
    protected bool Generated { get; } = proxy == "Auto";

    /// <summary><see cref="MetricsContainer.Build"/> on this path.</summary>
    protected IContainer Build(Action<ContainerBuilder> register, params (string Key, string? Value)[] settings) =>
        MetricsContainer.Build(register, [("Metrics:Proxy", proxy), .. settings]);

    /// <summary><see cref="MetricsContainer.Configuration"/> on this path.</summary>
    protected IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        MetricsContainer.Configuration([("Metrics:Proxy", proxy), .. settings]);

    /// <summary>Whether <paramref name="instance"/> is what this path times with: a generated decorator, or a Castle proxy.</summary>
    protected bool IsTimed(object instance) =>
        Generated ? instance is ITimingDecorator && !MetricsContainer.IsProxy(instance) : MetricsContainer.IsProxy(instance);

    /// <summary>What a generated decorator or a Castle proxy wraps.</summary>
    protected static object? TargetOf(object timed) =>
        timed is ITimingDecorator decorator ? decorator.DecoratedTarget : ((Castle.DynamicProxy.IProxyTargetAccessor)timed).DynProxyGetTarget();

    /// <summary>Whether <paramref name="instance"/> is wrapped at all (a generated decorator or a Castle proxy).</summary>
    protected static bool IsWrapped(object instance) => instance is ITimingDecorator || MetricsContainer.IsProxy(instance);
}
