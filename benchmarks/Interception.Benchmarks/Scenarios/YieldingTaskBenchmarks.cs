using BenchmarkDotNet.Attributes;

namespace Interception.Benchmarks.Scenarios;

/// <summary>A method returning a <see cref="Task{TResult}"/> that completes after <see cref="Task.Yield"/>: timed until it completes.</summary>
[MemoryDiagnoser]
public class YieldingTaskBenchmarks : CalculatorBenchmarks
{
    [Benchmark(Baseline = true)]
    public Task<int> Direct() => DirectTarget.AddYieldingAsync(1);

    [Benchmark]
    public Task<int> HandWrittenDecorator() => HandWrittenTarget.AddYieldingAsync(1);

    [Benchmark]
    public Task<int> CastlePassThrough() => CastlePassThroughTarget.AddYieldingAsync(1);

    [Benchmark]
    public Task<int> OursNull() => OursNullTarget.AddYieldingAsync(1);

    [Benchmark]
    public Task<int> OursInMemory() => OursInMemoryTarget.AddYieldingAsync(1);

    [Benchmark]
    public Task<int> OursPrometheus() => OursPrometheusTarget.AddYieldingAsync(1);

    [Benchmark]
    public Task<int> OursFanOut() => OursFanOutTarget.AddYieldingAsync(1);

    [Benchmark]
    public Task<int> AsyncInterceptorTiming() => AsyncInterceptorTimingTarget.AddYieldingAsync(1);

    [Benchmark]
    public Task<int> NaiveInterceptor() => NaiveTarget.AddYieldingAsync(1);

    [Benchmark]
    public Task<int> MetricsDisabled() => MetricsDisabledTarget.AddYieldingAsync(1);
}
