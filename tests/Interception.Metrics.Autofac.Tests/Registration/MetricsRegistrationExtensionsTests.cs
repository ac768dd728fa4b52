using Autofac;
using Interception.Metrics.Autofac.Tests.Fixtures;
using Interception.Metrics.Autofac.Tests.TestSupport;

namespace Interception.Metrics.Autofac.Tests.Registration;

public abstract partial class MetricsRegistrationExtensionsTests(string proxy) : ProxyPathTests(proxy)
{
    /// <summary>On generated decorators.</summary>
    public sealed class OnGeneratedDecorators() : MetricsRegistrationExtensionsTests("Auto");

    /// <summary>On Castle proxies.</summary>
    public sealed class OnDynamicProxy() : MetricsRegistrationExtensionsTests("DynamicProxy");

    [Fact]
    public void EnableMetricsInterception_AutoInterceptOff_ProxiesOnlyOptedInRegistrations()
    {
        using var container = Build(
            b =>
            {
                b.RegisterType<Calculator>().As<ICalculator>().EnableMetricsInterception();
                b.RegisterType<ReportService>().As<IReportService>();
            },
            ("Metrics:AutoIntercept", "false"));

        var calculator = container.Resolve<ICalculator>();
        var reports = container.Resolve<IReportService>();
        calculator.Add(1, 2);
        reports.Render();

        Assert.True(IsTimed(calculator));
        Assert.IsType<ReportService>(reports);
        Assert.Equal(["Calculator.Add"], container.Memory().TimedFunctions());
    }

    [Fact]
    public void EnableMetricsInterception_AutoInterceptOffLambdaRegistration_ProxiesIt()
    {
        using var container = Build(
            b => b.Register(_ => new Calculator()).As<ICalculator>().EnableMetricsInterception(),
            ("Metrics:AutoIntercept", "false"));

        var calculator = container.Resolve<ICalculator>();
        calculator.Add(1, 2);

        Assert.True(IsTimed(calculator));
        Assert.Equal(1, container.Memory().Calls("Calculator.Add"));
    }

    [Fact]
    public void EnableMetricsInterception_ComponentWithoutAttributes_ReturnsItAsIs()
    {
        using var container = Build(
            b => b.RegisterType<Greeter>().As<IGreeter>().EnableMetricsInterception(),
            ("Metrics:AutoIntercept", "false"));

        Assert.IsType<Greeter>(container.Resolve<IGreeter>());
    }

    [Fact]
    public void EnableMetricsInterception_MetricsDisabled_ReturnsImplementationItself()
    {
        using var container = Build(
            b => b.RegisterType<Calculator>().As<ICalculator>().EnableMetricsInterception(),
            ("Metrics:Enabled", "false"));

        var calculator = container.Resolve<ICalculator>();

        Assert.IsType<Calculator>(calculator);
        Assert.Equal(3, calculator.Add(1, 2));
    }
}
