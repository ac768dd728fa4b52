using Autofac;
using Castle.DynamicProxy;
using Interception.Metrics.Autofac.Tests.Fixtures;
using Interception.Metrics.Autofac.Tests.TestSupport;

namespace Interception.Metrics.Autofac.Tests.Registration;

/// <summary>
/// A component that already is a Castle proxy (another library's interceptor) is timed by a Castle proxy whatever
/// <c>Metrics:Proxy</c> says: a generated decorator only wraps an instance of its own implementation type.
/// </summary>
public class CastleCompositionTests
{
    [Fact]
    public void Register_ComponentWithOtherCastleInterceptor_RunsBothAndTimesOnceUnderImplementationName()
    {
        var other = new CountingInterceptor();
        using var container = MetricsContainer.Build(b => b
            .Register(_ => new ProxyGenerator().CreateInterfaceProxyWithTarget<ICalculator>(new Calculator(), other))
            .As<ICalculator>());

        var calculator = container.Resolve<ICalculator>();

        Assert.Equal(7, calculator.Add(3, 4));
        Assert.Equal(42, calculator.Untimed());

        Assert.Equal(2, other.Count);
        Assert.Equal(["Calculator.Add"], container.Memory().TimedFunctions());
        Assert.Equal(1, container.Memory().Calls("Calculator.Add"));
        Assert.Equal(1, container.Memory().GetHistogram(MetricNames.FunctionDuration, ("function", "Calculator.Add")).Count);
    }

    [Fact]
    public void InstancePerDependency_EachResolve_ProxiesShareOneTypeAndKeepTheirOwnTargets()
    {
        using var container = MetricsContainer.Build(b => b.RegisterType<Calculator>().As<ICalculator>().InstancePerDependency(), ("Metrics:Proxy", "DynamicProxy"));

        var first = container.Resolve<ICalculator>();
        var second = container.Resolve<ICalculator>();

        Assert.Same(first.GetType(), second.GetType());
        Assert.IsType<Calculator>(((IProxyTargetAccessor)first).DynProxyGetTarget());
        Assert.NotSame(((IProxyTargetAccessor)first).DynProxyGetTarget(), ((IProxyTargetAccessor)second).DynProxyGetTarget());
    }
}
