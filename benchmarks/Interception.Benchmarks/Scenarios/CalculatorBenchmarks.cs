using BenchmarkDotNet.Attributes;
using Interception.Benchmarks.Setup;
using Interception.Benchmarks.Targets;

namespace Interception.Benchmarks.Scenarios;

/// <summary>
/// Setup shared by the call benchmarks: every contender in fields of the benchmark class, containers disposed
/// in <see cref="Cleanup"/>.
/// </summary>
public abstract class CalculatorBenchmarks
{
    private CalculatorContenders? _contenders;

    protected ICalculator DirectTarget { get; private set; } = null!;

    protected ICalculator HandWrittenTarget { get; private set; } = null!;

    protected ICalculator CastlePassThroughTarget { get; private set; } = null!;

    protected ICalculator CastleTimingFloorTarget { get; private set; } = null!;

    protected ICalculator AsyncInterceptorTimingTarget { get; private set; } = null!;

    protected ICalculator NaiveTarget { get; private set; } = null!;

    protected ICalculator OursNullTarget { get; private set; } = null!;

    protected ICalculator OursInMemoryTarget { get; private set; } = null!;

    protected ICalculator OursPrometheusTarget { get; private set; } = null!;

    protected ICalculator OursMeterTarget { get; private set; } = null!;

    protected ICalculator OursStatsDTarget { get; private set; } = null!;

    protected ICalculator OursFanOutTarget { get; private set; } = null!;

    protected ICalculator MetricsDisabledTarget { get; private set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        _contenders = new CalculatorContenders();
        DirectTarget = _contenders.Direct;
        HandWrittenTarget = _contenders.HandWritten;
        CastlePassThroughTarget = _contenders.CastlePassThrough;
        CastleTimingFloorTarget = _contenders.CastleTimingFloor;
        AsyncInterceptorTimingTarget = _contenders.AsyncInterceptorTiming;
        NaiveTarget = _contenders.Naive;
        OursNullTarget = _contenders.OursNull;
        OursInMemoryTarget = _contenders.OursInMemory;
        OursPrometheusTarget = _contenders.OursPrometheus;
        OursMeterTarget = _contenders.OursMeter;
        OursStatsDTarget = _contenders.OursStatsD;
        OursFanOutTarget = _contenders.OursFanOut;
        MetricsDisabledTarget = _contenders.MetricsDisabled;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _contenders?.Dispose();
        _contenders = null;
    }
}
