using Autofac;
using Autofac.Core;
using Castle.DynamicProxy;
using Interception.Benchmarks.Peers;
using Interception.Benchmarks.Targets.Cold;

namespace Interception.Benchmarks.Setup;

/// <summary>The containers of the cold-start scenarios: the first <c>types</c> of <see cref="ColdServices"/>, each registered by type.</summary>
public static class ColdContainers
{
    /// <summary>No metrics: what the application pays without us.</summary>
    public static IContainer Plain(int types)
    {
        var builder = new ContainerBuilder();
        Register(builder, types);
        return builder.Build();
    }

    /// <summary>
    /// No metrics, but each service is a Castle proxy whose interceptor only proceeds, created when the service is
    /// activated (its proxy type generated at the first): Castle's own cost, the floor of any Castle-based timer.
    /// </summary>
    public static IContainer CastlePassThrough(int types)
    {
        var generator = new ProxyGenerator();
        var interceptor = new PassThroughInterceptor();
        var builder = new ContainerBuilder();
        for (var i = 0; i < types; i++)
        {
            ColdServices.Registrations[i](builder).OnActivating(e =>
            {
                var service = ((IServiceWithType)e.Component.Services.First()).ServiceType;
                e.ReplaceInstance(generator.CreateInterfaceProxyWithTarget(service, e.Instance, interceptor));
            });
        }

        return builder.Build();
    }

    /// <summary>Ours, Prometheus backend, with or without <c>Metrics:WarmUp</c>.</summary>
    public static IContainer Ours(int types, bool warmUp) =>
        MetricsContainers.Build(MetricsSetup.Prometheus, builder => Register(builder, types), ("Metrics:WarmUp", warmUp ? "true" : "false"));

    /// <summary>Resolves each of the first <paramref name="types"/> services and calls its two timed methods once.</summary>
    public static int CallAll(IContainer container, int types)
    {
        ArgumentNullException.ThrowIfNull(container);
        var sum = 0;
        for (var i = 0; i < types; i++)
        {
            sum += ColdServices.Calls[i](container);
        }

        return sum;
    }

    /// <summary>Throws unless exactly <paramref name="types"/> cold services are registered and each is (or is not) a proxy.</summary>
    public static void Verify(IContainer container, int types, bool proxied)
    {
        ArgumentNullException.ThrowIfNull(container);
        var services = container.ComponentRegistry.Registrations
            .SelectMany(r => r.Services)
            .OfType<TypedService>()
            .Where(s => s.ServiceType.Namespace == typeof(ColdServices).Namespace)
            .ToArray();
        var wrong = services.Count(s => ProxyUtil.IsProxy(container.Resolve(s.ServiceType)) != proxied);
        if (services.Length != types || wrong > 0)
        {
            throw new InvalidOperationException(
                $"{services.Length} cold services registered for {types}; {wrong} of them {(proxied ? "not proxied" : "proxied")}.");
        }
    }

    private static void Register(ContainerBuilder builder, int types)
    {
        for (var i = 0; i < types; i++)
        {
            ColdServices.Registrations[i](builder);
        }
    }
}
