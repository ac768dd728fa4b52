using Autofac;
using Interception.Metrics.Autofac.Tests.Fixtures;
using Interception.Metrics.Autofac.Tests.TestSupport;
using Interception.Metrics.Proxying;

namespace Interception.Metrics.Autofac.Tests.Registration;

/// <summary>
/// <c>Metrics:WarmUp</c>: Castle proxy types generated when the container is built rather than at the first resolve.
/// On Castle's path (<c>Metrics:Proxy=DynamicProxy</c>); a generated decorator is compiled already and needs none.
/// </summary>
public sealed class MetricsModuleWarmUpTests
{
    private static readonly (string Key, string Value) OnCastle = ("Metrics:Proxy", "DynamicProxy");

    [Fact]
    public void Build_WarmUpTrue_PreparesEveryProxyOfATypeRegistrationBeforeTheFirstResolve()
    {
        using var container = MetricsContainer.Build(
            b =>
            {
                b.RegisterType<Calculator>().As<ICalculator>();
                b.RegisterType<ShiftWorker>().As<IShiftWorker>();
                b.RegisterType<Greeter>().As<IGreeter>();
            },
            ("Metrics:WarmUp", "true"), OnCastle);
        var factory = container.Resolve<MetricsProxyFactory>();

        var prepared = factory.ActivatorCount;
        Assert.Equal(5, container.Resolve<ICalculator>().Add(2, 3));
        Assert.Equal(8, container.Resolve<IShiftWorker>().Work());

        Assert.Equal(2, prepared);
        Assert.Equal(2, factory.ActivatorCount);
        Assert.Equal(["Calculator.Add", "ShiftWorker.Work"], container.Memory().TimedFunctions());
    }

    [Fact]
    public void Build_WarmUpDefault_PreparesEachProxyAtItsFirstResolve()
    {
        using var container = MetricsContainer.Build(b => b.RegisterType<Calculator>().As<ICalculator>(), OnCastle);
        var factory = container.Resolve<MetricsProxyFactory>();

        var prepared = factory.ActivatorCount;
        container.Resolve<ICalculator>().Add(2, 3);
        container.Resolve<ICalculator>().Add(2, 3);

        Assert.Equal(0, prepared);
        Assert.Equal(1, factory.ActivatorCount);
        Assert.Equal(2, container.Memory().Calls("Calculator.Add"));
    }

    [Fact]
    public void Build_WarmUpTrueWithALambdaRegistration_TimesItFromItsFirstResolve()
    {
        using var container = MetricsContainer.Build(b => b.Register(_ => new Calculator()).As<ICalculator>(), ("Metrics:WarmUp", "true"), OnCastle);
        var factory = container.Resolve<MetricsProxyFactory>();

        var prepared = factory.ActivatorCount;
        container.Resolve<ICalculator>().Add(2, 3);

        Assert.Equal(0, prepared);
        Assert.Equal(1, factory.ActivatorCount);
        Assert.Equal(1, container.Memory().Calls("Calculator.Add"));
    }

    [Fact]
    public void Build_WarmUpTrueWithMetricsDisabled_PreparesNothingAndProxiesNothing()
    {
        using var container = MetricsContainer.Build(
            b => b.RegisterType<Calculator>().As<ICalculator>(),
            ("Metrics:WarmUp", "true"),
            ("Metrics:Enabled", "false"),
            OnCastle);

        Assert.Equal(0, container.Resolve<MetricsProxyFactory>().ActivatorCount);
        Assert.False(MetricsContainer.IsProxy(container.Resolve<ICalculator>()));
    }

    [Fact]
    public void Build_WarmUpTrueOnGeneratedDecorators_PreparesNoCastleProxyAndTimes()
    {
        using var container = MetricsContainer.Build(
            b => b.RegisterType<Calculator>().As<ICalculator>(),
            ("Metrics:WarmUp", "true"),
            ("Metrics:Proxy", "Auto"));

        var calculator = container.Resolve<ICalculator>();
        calculator.Add(2, 3);

        Assert.IsAssignableFrom<Interception.Metrics.Timing.Decorators.ITimingDecorator>(calculator);
        Assert.Equal(0, container.Resolve<MetricsProxyFactory>().ActivatorCount);
        Assert.Equal(1, container.Memory().Calls("Calculator.Add"));
    }
}
