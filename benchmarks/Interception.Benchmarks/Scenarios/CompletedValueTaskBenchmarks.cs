using BenchmarkDotNet.Attributes;

namespace Interception.Benchmarks.Scenarios;

/// <summary>
/// A method returning a <see cref="ValueTask{TResult}"/> that is already complete. The AsyncInterceptor and naive
/// peers do not apply: both treat a value task as a synchronous return.
/// </summary>
[MemoryDiagnoser]
public class CompletedValueTaskBenchmarks : CalculatorBenchmarks
{
    [Benchmark(Baseline = true)]
    public int Direct() => DirectTarget.AddCompletedValueAsync(1).GetAwaiter().GetResult();

    [Benchmark]
    public int HandWrittenDecorator() => HandWrittenTarget.AddCompletedValueAsync(1).GetAwaiter().GetResult();

    [Benchmark]
    public int CastlePassThrough() => CastlePassThroughTarget.AddCompletedValueAsync(1).GetAwaiter().GetResult();

    [Benchmark]
    public int OursNull() => OursNullTarget.AddCompletedValueAsync(1).GetAwaiter().GetResult();

    [Benchmark]
    public int OursInMemory() => OursInMemoryTarget.AddCompletedValueAsync(1).GetAwaiter().GetResult();

    [Benchmark]
    public int OursPrometheus() => OursPrometheusTarget.AddCompletedValueAsync(1).GetAwaiter().GetResult();

    [Benchmark]
    public int OursFanOut() => OursFanOutTarget.AddCompletedValueAsync(1).GetAwaiter().GetResult();

    [Benchmark]
    public int MetricsDisabled() => MetricsDisabledTarget.AddCompletedValueAsync(1).GetAwaiter().GetResult();
}
