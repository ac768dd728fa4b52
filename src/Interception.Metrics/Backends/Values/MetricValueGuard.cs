using System.Runtime.CompilerServices;
using Interception.Metrics.Backends.Values;

namespace Interception.Metrics;

/// <summary>
/// The value rule of one metric in one backend, checked by each of its series before anything is recorded: a
/// counter increment and a histogram or summary observation must be a finite number, zero or more; a gauge value
/// must be a finite number. A value that breaks the rule is dropped, counted in
/// <c>metrics_invalid_values_total{metric}</c> of the same backend and logged at a bounded rate; it is never
/// recorded and never thrown at the caller.
/// </summary>
/// <remarks>
/// Obtained from <see cref="MetricsBackend.ValueGuard"/>. For a valid value <see cref="Accept"/> costs one mask and
/// one comparison; only a rejected value takes the slow path. Thread-safe.
/// </remarks>
public sealed class MetricValueGuard
{
    // The bits of +Infinity. A double whose bits, read as an unsigned integer, are below it is finite and has its
    // sign bit clear: a finite number, zero or more. Clearing the sign bit first accepts negative numbers too.
    private const ulong PositiveInfinityBits = 0x7FF0_0000_0000_0000;
    private const ulong KeepSign = ulong.MaxValue;
    private const ulong IgnoreSign = 0x7FFF_FFFF_FFFF_FFFF;

    private readonly ulong _mask;
    private readonly InvalidValueReporter _reporter;
    private IMetricSeries? _counted;

    internal MetricValueGuard(MetricDefinition definition, InvalidValueReporter reporter)
    {
        Definition = definition;
        _reporter = reporter;
        _mask = definition.Type == MetricType.Gauge ? IgnoreSign : KeepSign;
    }

    /// <summary>The metric this guard checks values for.</summary>
    public MetricDefinition Definition { get; }

    /// <summary>
    /// Whether <paramref name="value"/> may be recorded on this metric. A value that may not is counted and logged
    /// before <see langword="false"/> is returned; the caller then records nothing. Never throws.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Accept(double value) =>
        (BitConverter.DoubleToUInt64Bits(value) & _mask) < PositiveInfinityBits || AcceptRare(value);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool AcceptRare(double value)
    {
        if (value == 0)
        {
            // -0: its sign bit is set, but it is zero.
            return true;
        }

        _reporter.Report(this, value, ref _counted);
        return false;
    }
}
