using Autofac;
using Microsoft.Extensions.Configuration;

namespace Interception.Metrics.Autofac.Tests.TestSupport;

/// <summary>Builds real containers with <see cref="MetricsModule"/> and reads back what they recorded.</summary>
internal static class MetricsContainer
{
    /// <summary>A configuration with the in-memory backend on, plus <paramref name="settings"/>.</summary>
    public static IConfiguration Configuration(params (string Key, string? Value)[] settings)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Metrics:Backends:InMemory:Enabled"] = "true",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    /// <summary>Builds a container with the module (in-memory backend on, plus <paramref name="settings"/>) and the registrations of <paramref name="register"/>.</summary>
    public static IContainer Build(Action<ContainerBuilder> register, params (string Key, string? Value)[] settings)
    {
        var builder = new ContainerBuilder();
        builder.RegisterModule(new MetricsModule(Configuration(settings)));
        register(builder);
        return builder.Build();
    }

    /// <summary>The in-memory backend that configuration switched on in <paramref name="container"/>.</summary>
    public static InMemoryMetricsBackend Memory(this IContainer container) =>
        container.Resolve<MultiMetricsBackend>().Backends.OfType<InMemoryMetricsBackend>().First();

    /// <summary>How many successful calls of <paramref name="function"/> were recorded.</summary>
    public static double Calls(this InMemoryMetricsBackend memory, string function, string status = "success") =>
        memory.GetCounter(MetricNames.FunctionCalls, ("function", function), ("status", status));

    /// <summary>The function names of every <c>function_calls_total</c> series recorded.</summary>
    public static string[] TimedFunctions(this InMemoryMetricsBackend memory) =>
        [.. memory.GetSamples(MetricNames.FunctionCalls).Where(s => s.Value > 0).Select(s => s.Labels["function"]).Order(StringComparer.Ordinal)];

    /// <summary>Whether <paramref name="instance"/> is a Castle proxy rather than the implementation itself.</summary>
    public static bool IsProxy(object instance) => Castle.DynamicProxy.ProxyUtil.IsProxy(instance);
}
