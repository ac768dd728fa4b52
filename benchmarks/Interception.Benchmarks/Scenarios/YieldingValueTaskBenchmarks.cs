using BenchmarkDotNet.Attributes;

namespace Interception.Benchmarks.Scenarios;

/// <summary>
/// A method returning a <see cref="ValueTask{TResult}"/> that completes after <see cref="Task.Yield"/>. The
/// AsyncInterceptor and naive peers do not apply: both would stop timing when the value task is returned.
/// </summary>
[MemoryDiagnoser]
public class YieldingValueTaskBenchmarks : CalculatorBenchmarks
{
    [Benchmark(Baseline = true)]
    public ValueTask<int> Direct() => DirectTarget.AddYieldingValueAsync(1);

    [Benchmark]
    public ValueTask<int> HandWrittenDecorator() => HandWrittenTarget.AddYieldingValueAsync(1);

    [Benchmark]
    public ValueTask<int> CastlePassThrough() => CastlePassThroughTarget.AddYieldingValueAsync(1);

    [Benchmark]
    public ValueTask<int> OursNull() => OursNullTarget.AddYieldingValueAsync(1);

    [Benchmark]
    public ValueTask<int> OursInMemory() => OursInMemoryTarget.AddYieldingValueAsync(1);

    [Benchmark]
    public ValueTask<int> OursPrometheus() => OursPrometheusTarget.AddYieldingValueAsync(1);

    [Benchmark]
    public ValueTask<int> OursFanOut() => OursFanOutTarget.AddYieldingValueAsync(1);

    [Benchmark]
    public ValueTask<int> MetricsDisabled() => MetricsDisabledTarget.AddYieldingValueAsync(1);
}
