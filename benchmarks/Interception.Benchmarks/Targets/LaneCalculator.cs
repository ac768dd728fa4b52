using System.Runtime.CompilerServices;
using Interception.Metrics;

namespace Interception.Benchmarks.Targets;

/// <summary>The timed implementation of <see cref="ILaneCalculator"/>: every lane is <see cref="Calculator.Add"/> again.</summary>
public sealed class LaneCalculator : ILaneCalculator
{
    /// <summary>How many lanes there are.</summary>
    public const int Lanes = 8;

    /// <inheritdoc />
    [MetricsTimer]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Add0(int value) => value + 1;

    /// <inheritdoc />
    [MetricsTimer]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Add1(int value) => value + 1;

    /// <inheritdoc />
    [MetricsTimer]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Add2(int value) => value + 1;

    /// <inheritdoc />
    [MetricsTimer]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Add3(int value) => value + 1;

    /// <inheritdoc />
    [MetricsTimer]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Add4(int value) => value + 1;

    /// <inheritdoc />
    [MetricsTimer]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Add5(int value) => value + 1;

    /// <inheritdoc />
    [MetricsTimer]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Add6(int value) => value + 1;

    /// <inheritdoc />
    [MetricsTimer]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Add7(int value) => value + 1;

    /// <summary>The lane methods of <paramref name="target"/>, lane 0 first.</summary>
    public static Func<int, int>[] LanesOf(ILaneCalculator target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return [target.Add0, target.Add1, target.Add2, target.Add3, target.Add4, target.Add5, target.Add6, target.Add7];
    }
}
