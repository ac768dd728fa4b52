using Autofac;
using Interception.Metrics.Autofac.Tests.Fixtures;
using Interception.Metrics.Autofac.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Interception.Metrics.Autofac.Tests.Registration;

/// <summary>What the module registers: services, the backend fan-out, and the master switch.</summary>
public abstract partial class MetricsModuleTests(string proxy) : ProxyPathTests(proxy)
{
    /// <summary>On generated decorators.</summary>
    public sealed class OnGeneratedDecorators() : MetricsModuleTests("Auto");

    /// <summary>On Castle proxies.</summary>
    public sealed class OnDynamicProxy() : MetricsModuleTests("DynamicProxy");

    [Fact]
    public async Task RegisterModule_TimedComponent_RecordsEachCallWhenItCompletes()
    {
        var time = new FakeTimeProvider();
        using var container = Build(b =>
        {
            b.RegisterInstance(time).As<TimeProvider>();
            b.RegisterType<Calculator>().As<ICalculator>();
            b.RegisterType<ChannelQueries>().As<IChannelQueries>();
        });
        var memory = container.Memory();

        Assert.Equal(5, container.Resolve<ICalculator>().Add(2, 3));
        var pending = container.Resolve<IChannelQueries>().CountChannelsAsync(TimeSpan.FromMilliseconds(100));
        Assert.False(pending.IsCompleted);
        Assert.Equal(0, memory.GetCounter(MetricNames.DatabaseQueries, ("operation", "count_channels"), ("status", "success")));
        time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal(12, await pending);
        Assert.Equal(1, memory.Calls("Calculator.Add"));
        Assert.Equal(1, memory.GetCounter(MetricNames.DatabaseQueries, ("operation", "count_channels"), ("status", "success")));
        Assert.Equal(0.1, memory.GetHistogram(MetricNames.DatabaseQueryDuration, ("operation", "count_channels")).Max, 6);
    }

    [Fact]
    public void RegisterModule_ApplicationRegisteredBackend_JoinsFanOutAndReceivesSameCalls()
    {
        var mine = new InMemoryMetricsBackend();
        using var container = Build(b =>
        {
            b.RegisterInstance(mine).As<IMetricsBackend>();
            b.RegisterType<Calculator>().As<ICalculator>();
        });

        container.Resolve<ICalculator>().Add(1, 2);

        var backends = container.Resolve<MultiMetricsBackend>().Backends;
        Assert.Equal(2, backends.Count);
        Assert.Contains(mine, backends);
        var configured = Assert.Single(backends.OfType<InMemoryMetricsBackend>(), b => !ReferenceEquals(b, mine));
        Assert.Equal(1, configured.Calls("Calculator.Add"));
        Assert.Equal(1, mine.Calls("Calculator.Add"));
        Assert.Equal(1, mine.GetHistogram(MetricNames.FunctionDuration, ("function", "Calculator.Add")).Count);
    }

    [Fact]
    public void RegisterModule_MetricsDisabled_ProxiesNothingAndRecordsNothing()
    {
        var mine = new InMemoryMetricsBackend();
        using var container = Build(
            b =>
            {
                b.RegisterInstance(mine).As<IMetricsBackend>();
                b.RegisterType<Calculator>().As<ICalculator>();
                b.Register<IWorker>(_ => new DisposableWorker(new DisposalLog()));
            },
            ("Metrics:Enabled", "false"));

        var calculator = container.Resolve<ICalculator>();
        var worker = container.Resolve<IWorker>();

        Assert.IsType<Calculator>(calculator);
        Assert.IsType<DisposableWorker>(worker);
        Assert.Equal(3, calculator.Add(1, 2));
        Assert.Equal(7, worker.Work());
        Assert.Empty(container.Resolve<MultiMetricsBackend>().Backends);
        Assert.Empty(mine.GetSamples(MetricNames.FunctionCalls));
        Assert.Empty(mine.GetSamples(MetricNames.AppInfo));
    }

    [Fact]
    public void Build_TwoContainers_ShareNoBackendsOrSeries()
    {
        using var first = Build(b => b.RegisterType<Calculator>().As<ICalculator>());
        using var second = Build(b => b.RegisterType<Calculator>().As<ICalculator>());

        first.Resolve<ICalculator>().Add(1, 1);
        first.Resolve<ICalculator>().Add(1, 1);
        second.Resolve<ICalculator>().Add(1, 1);

        Assert.NotSame(first.Memory(), second.Memory());
        Assert.Equal(2, first.Memory().Calls("Calculator.Add"));
        Assert.Equal(1, second.Memory().Calls("Calculator.Add"));
    }

    [Fact]
    public void Build_TwoContainersOneUsed_OtherRecordsNothing()
    {
        using var used = Build(b => b.RegisterType<Calculator>().As<ICalculator>());
        using var idle = Build(b => b.RegisterType<Calculator>().As<ICalculator>());

        used.Resolve<ICalculator>().Add(1, 1);

        Assert.Equal(1, used.Memory().Calls("Calculator.Add"));
        Assert.Empty(idle.Memory().TimedFunctions());
    }
}
