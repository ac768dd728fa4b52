using Interception.Metrics.Generators.Diagnostics;
using Interception.Metrics.Generators.Tests.Verification;
using Microsoft.CodeAnalysis;

namespace Interception.Metrics.Generators.Tests.Diagnostics;

/// <summary>
/// The analyzer's judgement of a generic [MetricLabel] parameter against the runtime's: one source, compiled once, read
/// by the analyzer's code as symbols and bound by the runtime's <c>TimingAttributes.Resolve</c> as the loaded types.
/// </summary>
public class ArgumentLabelTypesTests
{
    private const string Source = """
        using System;
        using Interception.Metrics;

        public enum Kind { A, B }

        public interface IHandler<T> { [MetricsTimer] void Handle([MetricLabel("kind")] T kind); }

        public sealed class EnumHandler<T> : IHandler<T> where T : struct, Enum { public void Handle([MetricLabel("kind")] T kind) { } }

        public sealed class NullableHandler<T> : IHandler<T?> where T : struct, Enum { public void Handle([MetricLabel("kind")] T? kind) { } }

        public sealed class AnyHandler<T> : IHandler<T> { public void Handle([MetricLabel("kind")] T kind) { } }

        public interface IRouter { [MetricsTimer] void Route<T>([MetricLabel("kind")] T kind) where T : struct, Enum; }

        public sealed class Router : IRouter { public void Route<T>([MetricLabel("kind")] T kind) where T : struct, Enum { } }
        """;

    [Theory]
    [InlineData("EnumHandler`1", "IHandler`1", "Handle", true)]
    [InlineData("NullableHandler`1", "IHandler`1", "Handle", true)]
    [InlineData("AnyHandler`1", "IHandler`1", "Handle", false)]
    [InlineData("Router", "IRouter", "Route", false)]
    public void IsSupported_TypeParameterLabel_AgreesWithTheRuntimeBindingTheClosedComponent(
        string implementation, string service, string method, bool supported)
    {
        var (compilation, assembly) = RuntimeBinding.Compile(Source);

        var parameter = compilation.GetTypeByMetadataName(implementation)!.GetMembers(method).OfType<IMethodSymbol>().Single().Parameters[0];
        var analyzer = ArgumentLabelTypes.IsSupported(parameter.Type, KnownSymbols.Find(compilation)!);

        // The component as the container builds it: a generic one closed with the enum, or object where nothing constrains it.
        var implementationType = assembly.GetType(implementation, throwOnError: true)!;
        var serviceType = assembly.GetType(service, throwOnError: true)!;
        if (implementationType.IsGenericTypeDefinition)
        {
            var argument = implementation == "AnyHandler`1" ? typeof(object) : assembly.GetType("Kind", throwOnError: true)!;
            implementationType = implementationType.MakeGenericType(argument);
            serviceType = implementationType.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == serviceType);
        }

        var runtime = RuntimeBinding.ArgumentLabels(implementationType, serviceType.GetMethod(method)!) == 1;

        Assert.Equal(supported, runtime);
        Assert.Equal(runtime, analyzer);
    }
}
