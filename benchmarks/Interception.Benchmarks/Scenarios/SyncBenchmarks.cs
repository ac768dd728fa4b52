using BenchmarkDotNet.Attributes;

namespace Interception.Benchmarks.Scenarios;

/// <summary>A synchronous method returning <see cref="int"/>, through every contender.</summary>
[MemoryDiagnoser]
public class SyncBenchmarks : CalculatorBenchmarks
{
    [Benchmark(Baseline = true)]
    public int Direct() => DirectTarget.Add(1);

    [Benchmark]
    public int HandWrittenDecorator() => HandWrittenTarget.Add(1);

    [Benchmark]
    public int CastlePassThrough() => CastlePassThroughTarget.Add(1);

    [Benchmark]
    public int CastleTimingFloor() => CastleTimingFloorTarget.Add(1);

    [Benchmark]
    public int OursNull() => OursNullTarget.Add(1);

    [Benchmark]
    public int OursInMemory() => OursInMemoryTarget.Add(1);

    [Benchmark]
    public int OursPrometheus() => OursPrometheusTarget.Add(1);

    [Benchmark]
    public int OursMeter() => OursMeterTarget.Add(1);

    [Benchmark]
    public int OursStatsD() => OursStatsDTarget.Add(1);

    [Benchmark]
    public int OursFanOut() => OursFanOutTarget.Add(1);

    [Benchmark]
    public int AsyncInterceptorTiming() => AsyncInterceptorTimingTarget.Add(1);

    [Benchmark]
    public int NaiveInterceptor() => NaiveTarget.Add(1);

    [Benchmark]
    public int MetricsDisabled() => MetricsDisabledTarget.Add(1);
}
