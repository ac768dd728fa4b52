using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using Interception.Metrics.Collection;
using Interception.Metrics.Timing.Arguments;
using Interception.Metrics.Timing.Returns;

namespace Interception.Metrics.Timing;

/// <summary>
/// The plan of one timed method, built once: its bound series (or how its argument labels choose them), how its
/// return value ends the timing, whether it is traced, and whether it refreshes the system gauges. Both the Castle
/// interceptor and the source-generated decorators call it, so a call does no lookup: timestamp, proceed, then
/// arithmetic on bound series.
/// </summary>
/// <remarks>
/// Infrastructure for the decorators that the Interception.Metrics source generator writes into a user's assembly;
/// not meant to be used directly. Its members may change between versions together with the generator.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed partial class MethodTimer
{
    private const int MaxIndexedCombinations = 4096;

    private readonly OperationMetrics _metrics;
    private readonly OperationSeries? _series;
    private readonly ArgumentLabel[]? _argumentLabels;
    private readonly int[]? _argumentPositions;

    // When every label numbers its values (enums, bools) and their combinations are few, a call's series is found by
    // arithmetic on those numbers: one slot per combination, filled on first sight.
    private readonly OperationSeries?[]? _byIndex;

    // The system clock is read straight from Stopwatch: no virtual call on the per-call path. Tests inject a
    // TimeProvider, which is used only when it is not the system one.
    private readonly TimeProvider? _customTime;
    private readonly double _secondsPerTick;
    private readonly SystemMetricsService? _systemMetrics;
    private readonly Action<Exception> _reportFailure;
    private readonly ReturnHandler? _handler;
    private readonly ConcurrentDictionary<Type, ReturnHandler>? _closedHandlers;

    // Null when tracing is switched off; then a call pays one null check.
    private readonly ActivitySource? _activities;
    private readonly string _activityName;
    private readonly ActivityKind _activityKind;

    internal MethodTimer(
        OperationMetrics metrics,
        Type returnType,
        IReadOnlyList<ArgumentLabelParameter> argumentLabels,
        ActivitySource? activities,
        TimeProvider time,
        SystemMetricsService? systemMetrics,
        Action<Exception> reportFailure)
    {
        _metrics = metrics;
        _series = metrics.Series;
        if (argumentLabels.Count > 0)
        {
            var limit = metrics.ArgumentSetLimit;
            _argumentLabels = argumentLabels.Select(l => ArgumentLabels.For(l.Type, limit)).ToArray();
            _argumentPositions = argumentLabels.Select(l => l.Position).ToArray();
            var combinations = _argumentLabels.Aggregate(1L, (product, label) => product * label.Count);
            if (combinations is > 0 and <= MaxIndexedCombinations)
            {
                _byIndex = new OperationSeries?[combinations];
            }
        }

        _activities = activities;
        _activityName = metrics.Name;
        _activityKind = metrics.Kind is MetricKind.Http or MetricKind.TelegramApi ? ActivityKind.Client : ActivityKind.Internal;
        _customTime = ReferenceEquals(time, TimeProvider.System) ? null : time;
        _secondsPerTick = 1.0 / (_customTime?.TimestampFrequency ?? Stopwatch.Frequency);
        _systemMetrics = systemMetrics;
        _reportFailure = reportFailure;
        IsHttp = metrics.Kind == MetricKind.Http;

        // A generic method whose return type depends on its type arguments picks its handler per instantiation.
        if (returnType.ContainsGenericParameters)
        {
            _closedHandlers = new ConcurrentDictionary<Type, ReturnHandler>();
        }
        else
        {
            _handler = ReturnHandlers.For(returnType);
        }
    }

    /// <summary>The operation's bound series.</summary>
    internal OperationMetrics Metrics => _metrics;

    /// <summary>Whether the method is timed as <see cref="MetricKind.Http"/>.</summary>
    internal bool IsHttp { get; }

    /// <summary>The series of every call when the method has no argument labels; <see langword="null"/> otherwise.</summary>
    internal OperationSeries? FixedSeries => _series;

    /// <summary>Reports a failure of the bookkeeping; never the caller's problem.</summary>
    internal Action<Exception> ReportFailure => _reportFailure;

    /// <summary>Starts a throttled refresh of the system gauges when the method asks for it ([CollectSystemMetrics]).</summary>
    internal void BeforeCall()
    {
        if (_systemMetrics is not null)
        {
            RequestSystemRefresh();
        }
    }

    /// <summary>The return handler of every call when the method's return type is fixed; <see langword="null"/> for a generic one (see <see cref="HandlerFor"/>).</summary>
    internal ReturnHandler? FixedHandler => _handler;

    /// <summary>The return handler of a call whose method returns <paramref name="returnType"/>.</summary>
    internal ReturnHandler HandlerFor(Type returnType) =>
        _handler ?? _closedHandlers!.GetOrAdd(returnType, ReturnHandlers.For);

    /// <summary>Starts a call: its activity (when a listener samples it), the in-progress count, the start timestamp.</summary>
    internal TimedCall Begin(OperationSeries series)
    {
        Activity? parent = null;
        var activity = _activities is not null && _activities.HasListeners() ? StartActivity(series, out parent) : null;
        series.Started();
        return new TimedCall(series, activity, Timestamp(), parent);
    }

    /// <summary>The call returned work still running: the caller goes on with its own activity current again.</summary>
    internal static void ReturnToCaller(in TimedCall call)
    {
        if (call.Activity is { } activity)
        {
            ReturnToCaller(activity, call.Parent);
        }
    }

    internal long Timestamp() => _customTime?.GetTimestamp() ?? Stopwatch.GetTimestamp();

    private double ElapsedSeconds(long start) => (Timestamp() - start) * _secondsPerTick;

    /// <summary>
    /// The series the argument labels choose for a call with <paramref name="arguments"/> (every parameter, in order);
    /// <see langword="null"/> when choosing failed, and then the call proceeds untimed.
    /// </summary>
    internal OperationSeries? SeriesOf(object?[] arguments)
    {
        try
        {
            if (_byIndex is { } byIndex)
            {
                var slot = Slot(arguments);
                if (slot >= 0)
                {
                    return Volatile.Read(ref byIndex[slot]) ?? Fill(byIndex, slot, arguments);
                }
            }

            return SeriesByText(arguments);
        }
        catch (Exception exception)
        {
            // Never the caller's problem: this call proceeds untimed.
            _reportFailure(exception);
            return null;
        }
    }

    /// <summary>The combination's slot in <see cref="_byIndex"/>; -1 when a value is not numbered (a cast enum value).</summary>
    private int Slot(object?[] arguments)
    {
        var labels = _argumentLabels!;
        var positions = _argumentPositions!;
        var slot = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var index = labels[i].IndexOf(arguments[positions[i]]);
            if (index < 0)
            {
                return -1;
            }

            slot = (slot * labels[i].Count) + index;
        }

        return slot;
    }

    private OperationSeries Fill(OperationSeries?[] byIndex, int slot, object?[] arguments)
    {
        var series = SeriesByText(arguments);
        Volatile.Write(ref byIndex[slot], series);
        return series;
    }

    /// <summary>The series for the label values as text: looked up without allocation when seen before.</summary>
    private OperationSeries SeriesByText(object?[] arguments)
    {
        var values = default(LabelValueBuffer);
        var labels = _argumentLabels!;
        var positions = _argumentPositions!;
        for (var i = 0; i < labels.Length; i++)
        {
            values[i] = labels[i].Text(arguments[positions[i]]);
        }

        return _metrics.SeriesFor(((ReadOnlySpan<string>)values)[..labels.Length]);
    }

    private void RequestSystemRefresh()
    {
        try
        {
            _systemMetrics!.RequestRefresh();
        }
        catch (Exception exception)
        {
            _reportFailure(exception);
        }
    }
}
