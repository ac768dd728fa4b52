using System.Collections.Concurrent;
using System.Diagnostics;
using Castle.DynamicProxy;
using Interception.Metrics.Collection;
using Interception.Metrics.Timing.Arguments;
using Interception.Metrics.Timing.Returns;

namespace Interception.Metrics.Timing;

/// <summary>
/// The plan of one timed method, built once: its bound series (or how its argument labels choose them), how its
/// return value ends the timing, whether it is traced, and whether it refreshes the system gauges. As an
/// <see cref="IInterceptor"/> it is what the proxy calls for that method, so a call does no lookup: timestamp,
/// proceed, then arithmetic on bound series.
/// </summary>
internal sealed partial class MethodTimer : IInterceptor
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

    public MethodTimer(
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
    public OperationMetrics Metrics => _metrics;

    /// <summary>Whether the method is timed as <see cref="MetricKind.Http"/>.</summary>
    public bool IsHttp { get; }

    public void Intercept(IInvocation invocation)
    {
        if (_systemMetrics is not null)
        {
            RequestSystemRefresh();
        }

        var series = _series ?? SeriesOf(invocation);
        if (series is null)
        {
            invocation.Proceed();
            return;
        }

        var handler = _handler ?? _closedHandlers!.GetOrAdd(invocation.Method.ReturnType, ReturnHandlers.For);
        if (handler.TimesEnumerations)
        {
            InterceptStream(invocation, handler, series);
            return;
        }

        Activity? parent = null;
        var activity = _activities is not null && _activities.HasListeners() ? StartActivity(series, out parent) : null;
        series.Started();
        var call = new TimedCall(series, activity, Timestamp());
        try
        {
            invocation.Proceed();
        }
        catch (Exception exception)
        {
            Fail(exception, call);
            throw;
        }

        if (handler is ValueReturnHandler)
        {
            CompleteWithResult(invocation.ReturnValue, call);
            return;
        }

        try
        {
            invocation.ReturnValue = handler.Handle(invocation.ReturnValue, this, call);
        }
        catch (Exception exception)
        {
            // Bookkeeping failed before the return value was replaced (its continuation could not be registered, so the
            // call can never complete through it): the caller keeps the target's own value, the call goes unrecorded,
            // and it still leaves the in-progress gauge and ends its activity.
            _reportFailure(exception);
            End(call, null, 0);
        }

        if (activity is not null)
        {
            ReturnToCaller(activity, parent);
        }
    }

    public long Timestamp() => _customTime?.GetTimestamp() ?? Stopwatch.GetTimestamp();

    private double ElapsedSeconds(long start) => (Timestamp() - start) * _secondsPerTick;

    // A stream is timed per enumeration (an iterator does its work when enumerated): the call itself starts no
    // activity and is not in progress; each enumeration is (see TimedAsyncEnumerable). The call only fixes the labels.
    private void InterceptStream(IInvocation invocation, ReturnHandler handler, OperationSeries series)
    {
        var start = Timestamp();
        try
        {
            invocation.Proceed();
        }
        catch (Exception exception)
        {
            Record(series, CompletionStatus.Of(exception), start);
            throw;
        }

        try
        {
            invocation.ReturnValue = handler.Handle(invocation.ReturnValue, this, new TimedCall(series, null, start));
        }
        catch (Exception exception)
        {
            _reportFailure(exception);
        }
    }

    private OperationSeries? SeriesOf(IInvocation invocation)
    {
        try
        {
            var arguments = invocation.Arguments;
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
