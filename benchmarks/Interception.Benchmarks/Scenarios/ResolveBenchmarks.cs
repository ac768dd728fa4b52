using Autofac;
using BenchmarkDotNet.Attributes;
using Castle.DynamicProxy;
using Interception.Benchmarks.Reporting;
using Interception.Benchmarks.Setup;
using Interception.Benchmarks.Targets;

namespace Interception.Benchmarks.Scenarios;

/// <summary>
/// What MetricsModule adds to resolving: a timed singleton (the proxy is built once), a timed transient (a proxy
/// per resolve) and an untimed transient (left as it is), against the same untimed transient in a container
/// without the module.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(RoomToBuildConfig))]
public class ResolveBenchmarks
{
    private IContainer _withModule = null!;
    private IContainer _withoutModule = null!;

    [GlobalSetup]
    public void Setup()
    {
        _withModule = MetricsContainers.Build(MetricsSetup.Prometheus, builder =>
        {
            builder.RegisterType<Calculator>().As<ICalculator>().SingleInstance();
            builder.RegisterType<TimedWorker>().As<ITimedWorker>();
            builder.RegisterType<UntimedWorker>().As<IWorker>();
        });

        var plain = new ContainerBuilder();
        plain.RegisterType<UntimedWorker>().As<IWorker>();
        _withoutModule = plain.Build();

        if (!ProxyUtil.IsProxy(_withModule.Resolve<ITimedWorker>()) || ProxyUtil.IsProxy(_withModule.Resolve<IWorker>()))
        {
            throw new InvalidOperationException("Only the timed worker must be proxied.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _withModule.Dispose();
        _withoutModule.Dispose();
    }

    [Benchmark(Baseline = true)]
    public IWorker UntimedTransientWithoutModule() => _withoutModule.Resolve<IWorker>();

    [Benchmark]
    public IWorker UntimedTransient() => _withModule.Resolve<IWorker>();

    [Benchmark]
    public ITimedWorker TimedTransient() => _withModule.Resolve<ITimedWorker>();

    [Benchmark]
    public ICalculator TimedSingleton() => _withModule.Resolve<ICalculator>();
}
