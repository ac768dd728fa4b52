using Autofac;
using Interception.Metrics.Autofac.Tests.Fixtures;
using Interception.Metrics.Autofac.Tests.TestSupport;
using Microsoft.Extensions.Logging;

namespace Interception.Metrics.Autofac.Tests.Registration;

/// <summary>One module per container, and one per child scope at most: a component is timed once, by the nearest module.</summary>
public abstract partial class MetricsModuleTests
{
    [Fact]
    public void RegisterModule_TwiceInOneBuilder_TimesEachCallOnceAndWarns()
    {
        var logs = new RecordingLoggerFactory();
        var builder = new ContainerBuilder();
        builder.RegisterInstance(logs).As<ILoggerFactory>();
        builder.RegisterModule(new MetricsModule(Configuration()));
        builder.RegisterModule(new MetricsModule(Configuration()));
        builder.RegisterType<Calculator>().As<ICalculator>();
        using var container = builder.Build();

        Assert.Equal(3, container.Resolve<ICalculator>().Add(1, 2));

        Assert.Equal(1, container.Memory().Calls("Calculator.Add"));
        Assert.Single(container.Resolve<MultiMetricsBackend>().Backends);
        Assert.Contains(logs.Messages, m => m.Contains("MetricsModule is registered more than once", StringComparison.Ordinal));
    }

    [Fact]
    public void RegisterModule_SameInstanceTwice_TimesEachCallOnce()
    {
        var module = new MetricsModule(Configuration());
        var builder = new ContainerBuilder();
        builder.RegisterModule(module);
        builder.RegisterModule(module);
        builder.RegisterType<Calculator>().As<ICalculator>();
        builder.Register(_ => new ReportService()).As<IReportService>();
        using var container = builder.Build();

        container.Resolve<ICalculator>().Add(1, 2);
        container.Resolve<IReportService>().Render();

        Assert.Equal(1, container.Memory().Calls("Calculator.Add"));
        Assert.Equal(1, container.Memory().Calls("reports.render"));
    }

    [Fact]
    public void BeginLifetimeScope_ModuleInChildOverRootModule_TimesChildComponentOnceInChildBackends()
    {
        using var container = Build(_ => { });
        using var scope = container.BeginLifetimeScope(b =>
        {
            b.RegisterModule(new MetricsModule(Configuration()));
            b.RegisterType<Calculator>().As<ICalculator>();
        });

        Assert.Equal(3, scope.Resolve<ICalculator>().Add(1, 2));

        var childMemory = scope.Resolve<MultiMetricsBackend>().Backends.OfType<InMemoryMetricsBackend>().Single();
        Assert.NotSame(container.Memory(), childMemory);
        Assert.Equal(1, childMemory.Calls("Calculator.Add"));
        Assert.Empty(container.Memory().TimedFunctions());
    }

    [Fact]
    public void BeginLifetimeScope_ModuleInChild_RootComponentsStayWithRootModule()
    {
        using var container = Build(b => b.RegisterType<Calculator>().As<ICalculator>());
        using var scope = container.BeginLifetimeScope(b =>
        {
            b.RegisterModule(new MetricsModule(Configuration()));
            b.RegisterType<ReportService>().As<IReportService>();
        });

        scope.Resolve<ICalculator>().Add(1, 2);
        scope.Resolve<IReportService>().Render();

        var childMemory = scope.Resolve<MultiMetricsBackend>().Backends.OfType<InMemoryMetricsBackend>().Single();
        Assert.Equal(["Calculator.Add"], container.Memory().TimedFunctions());
        Assert.Equal(["reports.render"], childMemory.TimedFunctions());
        Assert.Equal(1, container.Memory().Calls("Calculator.Add"));
        Assert.Equal(1, childMemory.Calls("reports.render"));
    }
}
