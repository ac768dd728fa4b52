using BenchmarkDotNet.Attributes;

namespace Interception.Benchmarks.Scenarios;

/// <summary>A method returning a <see cref="Task{TResult}"/> that is already complete (a cached task).</summary>
[MemoryDiagnoser]
public class CompletedTaskBenchmarks : CalculatorBenchmarks
{
    [Benchmark(Baseline = true)]
    public int Direct() => DirectTarget.AddCompletedAsync(1).GetAwaiter().GetResult();

    [Benchmark]
    public int HandWrittenDecorator() => HandWrittenTarget.AddCompletedAsync(1).GetAwaiter().GetResult();

    [Benchmark]
    public int CastlePassThrough() => CastlePassThroughTarget.AddCompletedAsync(1).GetAwaiter().GetResult();

    [Benchmark]
    public int CastleTimingFloor() => CastleTimingFloorTarget.AddCompletedAsync(1).GetAwaiter().GetResult();

    [Benchmark]
    public int OursNull() => OursNullTarget.AddCompletedAsync(1).GetAwaiter().GetResult();

    [Benchmark]
    public int OursInMemory() => OursInMemoryTarget.AddCompletedAsync(1).GetAwaiter().GetResult();

    [Benchmark]
    public int OursPrometheus() => OursPrometheusTarget.AddCompletedAsync(1).GetAwaiter().GetResult();

    [Benchmark]
    public int OursFanOut() => OursFanOutTarget.AddCompletedAsync(1).GetAwaiter().GetResult();

    [Benchmark]
    public int AsyncInterceptorTiming() => AsyncInterceptorTimingTarget.AddCompletedAsync(1).GetAwaiter().GetResult();

    [Benchmark]
    public int NaiveInterceptor() => NaiveTarget.AddCompletedAsync(1).GetAwaiter().GetResult();

    [Benchmark]
    public int MetricsDisabled() => MetricsDisabledTarget.AddCompletedAsync(1).GetAwaiter().GetResult();
}
