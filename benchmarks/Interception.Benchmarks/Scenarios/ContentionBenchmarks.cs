using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Interception.Benchmarks.Reporting;
using Interception.Benchmarks.Targets;

namespace Interception.Benchmarks.Scenarios;

/// <summary>
/// <see cref="Threads"/> threads share a fixed number of calls to one timed method (ours with the Prometheus
/// backend, and the hand-written decorator recording the same series): the Mean is the time per call with every
/// thread busy, so Calls/s is the throughput of the whole process.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class ContentionBenchmarks : CalculatorBenchmarks
{
    private const int Calls = 200_000;

    private long _sink;

    [Params(1, 2)]
    public int Threads { get; set; }

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
    public long HandWrittenDecorator() => Hammer(HandWrittenTarget);

    [Benchmark(OperationsPerInvoke = Calls)]
    public long OursPrometheus() => Hammer(OursPrometheusTarget);

    private long Hammer(ICalculator target)
    {
        var share = Calls / Threads;
        var others = new Task[Threads - 1];
        for (var i = 0; i < others.Length; i++)
        {
            others[i] = Task.Run(() => Interlocked.Add(ref _sink, Loop(target, share)));
        }

        var total = Loop(target, share);
        Task.WaitAll(others);
        return total + Interlocked.Read(ref _sink);
    }

    private static long Loop(ICalculator target, int calls)
    {
        long sum = 0;
        for (var i = 0; i < calls; i++)
        {
            sum += target.Add(i);
        }

        return sum;
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new CallsPerSecondColumn());
    }
}
