using Autofac;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Castle.DynamicProxy;
using Interception.Benchmarks.Peers;
using Interception.Benchmarks.Setup;
using Interception.Benchmarks.Targets;
using Interception.Metrics.Timing.Decorators;

namespace Interception.Benchmarks.Scenarios;

/// <summary>
/// The source-generated decorator (<c>Metrics:Proxy</c> = <c>Auto</c>) against the hand-written decorator, our Castle
/// proxy (<c>DynamicProxy</c>) and Castle's floor, all recording into Prometheus: a sync call, a completed
/// <see cref="Task{TResult}"/>, and resolving a timed transient against an untimed one from the same container.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class GeneratedDecoratorBenchmarks
{
    private const string Sync = "Sync";
    private const string CompletedTask = "CompletedTask";
    private const string Resolve = "Resolve";

    private readonly ICalculator _handWritten = PeerProxies.HandWritten(new PeerSeries());
    private readonly ICalculator _castleFloor = PeerProxies.TimingFloor(new PeerSeries());
    private IContainer _generatedContainer = null!;
    private IContainer _castleContainer = null!;
    private ICalculator _generated = null!;
    private ICalculator _castle = null!;

    [GlobalSetup]
    public void Setup()
    {
        static void Register(ContainerBuilder builder)
        {
            builder.RegisterType<Calculator>().As<ICalculator>().SingleInstance();
            builder.RegisterType<TimedWorker>().As<ITimedWorker>();
            builder.RegisterType<UntimedWorker>().As<IWorker>();
        }

        _generatedContainer = MetricsContainers.Build(MetricsSetup.Prometheus, Register, ("Metrics:Proxy", "Auto"));
        _castleContainer = MetricsContainers.Build(MetricsSetup.Prometheus, Register, ("Metrics:Proxy", "DynamicProxy"));
        _generated = _generatedContainer.Resolve<ICalculator>();
        _castle = _castleContainer.Resolve<ICalculator>();
        if (_generated is not ITimingDecorator || _generatedContainer.Resolve<ITimedWorker>() is not ITimingDecorator
            || !ProxyUtil.IsProxy(_castle) || !ProxyUtil.IsProxy(_castleContainer.Resolve<ITimedWorker>()))
        {
            throw new InvalidOperationException("Auto must resolve the generated decorators and DynamicProxy Castle proxies.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _generatedContainer.Dispose();
        _castleContainer.Dispose();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Sync)]
    public int SyncHandWritten() => _handWritten.Add(1);

    [Benchmark]
    [BenchmarkCategory(Sync)]
    public int SyncGenerated() => _generated.Add(1);

    [Benchmark]
    [BenchmarkCategory(Sync)]
    public int SyncCastle() => _castle.Add(1);

    [Benchmark]
    [BenchmarkCategory(Sync)]
    public int SyncCastleFloor() => _castleFloor.Add(1);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(CompletedTask)]
    public int CompletedTaskHandWritten() => _handWritten.AddCompletedAsync(1).GetAwaiter().GetResult();

    [Benchmark]
    [BenchmarkCategory(CompletedTask)]
    public int CompletedTaskGenerated() => _generated.AddCompletedAsync(1).GetAwaiter().GetResult();

    [Benchmark]
    [BenchmarkCategory(CompletedTask)]
    public int CompletedTaskCastle() => _castle.AddCompletedAsync(1).GetAwaiter().GetResult();

    [Benchmark]
    [BenchmarkCategory(CompletedTask)]
    public int CompletedTaskCastleFloor() => _castleFloor.AddCompletedAsync(1).GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Resolve)]
    public IWorker ResolveUntimedTransient() => _generatedContainer.Resolve<IWorker>();

    [Benchmark]
    [BenchmarkCategory(Resolve)]
    public ITimedWorker ResolveGeneratedTransient() => _generatedContainer.Resolve<ITimedWorker>();

    [Benchmark]
    [BenchmarkCategory(Resolve)]
    public ITimedWorker ResolveCastleTransient() => _castleContainer.Resolve<ITimedWorker>();
}
