using Autofac;
using Interception.Metrics.Autofac.Tests.Fixtures;
using Interception.Metrics.Autofac.Tests.TestSupport;
using Interception.Metrics.Timing.Decorators;

namespace Interception.Metrics.Autofac.Tests.Registration;

/// <summary>Which way a timed component is wrapped, by <c>Metrics:Proxy</c>.</summary>
public class GeneratedTimingStepTests
{
    [Fact]
    public void Resolve_ProxyNotConfigured_UsesGeneratedDecoratorOfTheImplementation()
    {
        using var container = MetricsContainer.Build(b => b.RegisterType<Calculator>().As<ICalculator>());

        var calculator = container.Resolve<ICalculator>();

        var decorator = Assert.IsAssignableFrom<ITimingDecorator>(calculator);
        Assert.False(MetricsContainer.IsProxy(calculator));
        Assert.IsType<Calculator>(decorator.DecoratedTarget);
        Assert.Equal(5, calculator.Add(2, 3));
        Assert.Equal(1, container.Memory().Calls("Calculator.Add"));
    }

    [Theory]
    [InlineData("DynamicProxy")]
    [InlineData("dynamicproxy")]
    public void Resolve_ProxyDynamicProxy_UsesCastleProxy(string value)
    {
        using var container = MetricsContainer.Build(b => b.RegisterType<Calculator>().As<ICalculator>(), ("Metrics:Proxy", value));

        var calculator = container.Resolve<ICalculator>();

        Assert.True(MetricsContainer.IsProxy(calculator));
        Assert.IsNotAssignableFrom<ITimingDecorator>(calculator);
        Assert.Equal(5, calculator.Add(2, 3));
        Assert.Equal(1, container.Memory().Calls("Calculator.Add"));
    }

    [Fact]
    public void Resolve_GeneratedDecorator_AnswersToStringAsTheTargetAndKeepsItsOwnIdentity()
    {
        var target = new Calculator();
        using var container = MetricsContainer.Build(b => b.RegisterInstance(target).As<ICalculator>());

        var calculator = container.Resolve<ICalculator>();

        Assert.IsAssignableFrom<ITimingDecorator>(calculator);
        Assert.Equal(target.ToString(), calculator.ToString());
        Assert.False(calculator.Equals(target));
        Assert.True(calculator.Equals(calculator));
    }
}
