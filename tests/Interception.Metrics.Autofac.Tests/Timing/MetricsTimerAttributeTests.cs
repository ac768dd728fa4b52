using Autofac;
using Interception.Metrics.Autofac.Tests.Fixtures;
using Interception.Metrics.Autofac.Tests.TestSupport;

namespace Interception.Metrics.Autofac.Tests.Timing;

/// <summary>Which attribute applies, and what it records, for components resolved from a container.</summary>
public abstract partial class MetricsTimerAttributeTests(string proxy) : ProxyPathTests(proxy)
{
    /// <summary>On generated decorators.</summary>
    public sealed class OnGeneratedDecorators() : MetricsTimerAttributeTests("Auto");

    /// <summary>On Castle proxies.</summary>
    public sealed class OnDynamicProxy() : MetricsTimerAttributeTests("DynamicProxy");

    [Fact]
    public void Resolve_MethodAndTypeAttributes_MethodAttributeWins()
    {
        using var container = Build(b => b.RegisterType<ReportService>().As<IReportService>());
        var reports = container.Resolve<IReportService>();

        Assert.Equal(10, reports.Render());
        Assert.Equal(11, reports.Count());

        var memory = container.Memory();
        Assert.Equal(1, memory.Calls("reports.render"));
        Assert.Equal(1, memory.GetCounter(MetricNames.DatabaseQueries, ("operation", "Count"), ("status", "success")));
        Assert.Equal(["reports.render"], memory.TimedFunctions());
        Assert.Equal(0, memory.GetCounter(MetricNames.DatabaseQueries, ("operation", "Render"), ("status", "success")));
    }

    [Fact]
    public void Resolve_ImplementationAndInterfaceAttributes_ImplementationAttributeWins()
    {
        using var container = Build(b => b.RegisterType<Pricing>().As<IPricing>());
        var pricing = container.Resolve<IPricing>();

        Assert.Equal(9.5m, pricing.Price());
        Assert.Equal(0.2m, pricing.Tax());

        var memory = container.Memory();
        Assert.Equal(["pricing.price", "pricing.tax"], memory.TimedFunctions());
        Assert.Empty(memory.GetSamples(MetricNames.DatabaseQueries));
    }

    [Fact]
    public void Resolve_NameNotSet_RecordsImplementationTypeAndMethodName()
    {
        using var container = Build(b => b.RegisterType<Calculator>().As<ICalculator>());

        container.Resolve<ICalculator>().Add(1, 1);

        Assert.Equal(["Calculator.Add"], container.Memory().TimedFunctions());
    }

    [Fact]
    public void Resolve_LabelsSet_RecordsThemAsConstantLabels()
    {
        using var container = Build(b => b.RegisterType<Labelled>().As<ILabelled>());

        Assert.Equal(5, container.Resolve<ILabelled>().Tagged());

        var memory = container.Memory();
        Assert.Equal(1, memory.GetCounter(MetricNames.FunctionCalls, ("function", "Labelled.Tagged"), ("status", "success"), ("team", "core")));
        Assert.Equal(1, memory.GetHistogram(MetricNames.FunctionDuration, ("function", "Labelled.Tagged"), ("team", "core")).Count);
    }

    [Fact]
    public void Resolve_MalformedLabel_CallProceedsWithResultUnchanged()
    {
        using var container = Build(b => b.RegisterType<MalformedLabels>().As<IMalformedLabels>());
        var component = container.Resolve<IMalformedLabels>();

        Assert.Equal(42, component.Double(21));
        Assert.Equal(42, component.Double(21));
        Assert.DoesNotContain("MalformedLabels.Double", container.Memory().TimedFunctions());
    }

    [Fact]
    public void Resolve_MalformedLabelOnOneMethod_OtherTimedMethodsStillTimed()
    {
        using var container = Build(b => b.RegisterType<MalformedLabels>().As<IMalformedLabels>());
        var component = container.Resolve<IMalformedLabels>();

        Assert.Equal(4, component.Double(2));
        Assert.Equal(1, component.Healthy());

        Assert.Equal(["MalformedLabels.Healthy"], container.Memory().TimedFunctions());
    }
}
