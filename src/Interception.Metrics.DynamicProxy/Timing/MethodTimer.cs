using System.Collections.Concurrent;
using System.Diagnostics;
using Castle.DynamicProxy;
using Interception.Metrics.Timing.Returns;

namespace Interception.Metrics.Timing;

/// <summary>
/// The plan of one timed method, built once: its bound series, how its return value ends the timing, and whether
/// it refreshes the system gauges. As an <see cref="IInterceptor"/> it is what the proxy calls for that method, so
/// a call does no lookup: timestamp, proceed, then arithmetic on bound series.
/// </summary>
internal sealed class MethodTimer : IInterceptor
{
    private readonly OperationMetrics _metrics;

    // The system clock is read straight from Stopwatch: no virtual call on the per-call path. Tests inject a
    // TimeProvider, which is used only when it is not the system one.
    private readonly TimeProvider? _customTime;
    private readonly double _secondsPerTick;
    private readonly SystemMetricsService? _systemMetrics;
    private readonly Action<Exception> _reportFailure;
    private readonly ReturnHandler? _handler;
    private readonly ConcurrentDictionary<Type, ReturnHandler>? _closedHandlers;

    public MethodTimer(
        OperationMetrics metrics,
        Type returnType,
        TimeProvider time,
        SystemMetricsService? systemMetrics,
        Action<Exception> reportFailure)
    {
        _metrics = metrics;
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

    /// <summary>Whether the method is timed as <see cref="MetricKind.Http"/>.</summary>
    public bool IsHttp { get; }

    public void Intercept(IInvocation invocation)
    {
        if (_systemMetrics is not null)
        {
            RequestSystemRefresh();
        }

        var start = Timestamp();
        try
        {
            invocation.Proceed();
        }
        catch (Exception exception)
        {
            Fail(exception, start);
            throw;
        }

        var handler = _handler ?? _closedHandlers!.GetOrAdd(invocation.Method.ReturnType, ReturnHandlers.For);
        if (handler is ValueReturnHandler)
        {
            CompleteWithResult(invocation.ReturnValue, start);
            return;
        }

        try
        {
            invocation.ReturnValue = handler.Handle(invocation.ReturnValue, this, start);
        }
        catch (Exception exception)
        {
            // Bookkeeping failed before the return value was replaced: the caller keeps the target's own value.
            _reportFailure(exception);
        }
    }

    public long Timestamp() => _customTime?.GetTimestamp() ?? Stopwatch.GetTimestamp();

    /// <summary>Records one call that ended with <paramref name="status"/>. Never throws.</summary>
    public void Complete(OperationStatus status, long start)
    {
        try
        {
            _metrics.Record(status, ElapsedSeconds(start));
        }
        catch (Exception exception)
        {
            _reportFailure(exception);
        }
    }

    /// <summary>Records a successful call; an HTTP call takes its status code from a returned response.</summary>
    public void CompleteWithResult<T>(T result, long start)
    {
        if (IsHttp && result is HttpResponseMessage response)
        {
            try
            {
                _metrics.RecordStatusCode((int)response.StatusCode, ElapsedSeconds(start));
            }
            catch (Exception exception)
            {
                _reportFailure(exception);
            }

            return;
        }

        Complete(OperationStatus.Success, start);
    }

    /// <summary>Records a call whose task has completed, by <see cref="CompletionStatus"/>.</summary>
    public void CompleteFromTask(Task task, long start) => Complete(CompletionStatus.Of(task), start);

    /// <summary>Records a call that threw (or whose task faulted) with <paramref name="exception"/>, by <see cref="CompletionStatus"/>.</summary>
    public void Fail(Exception exception, long start) => Complete(CompletionStatus.Of(exception), start);

    private double ElapsedSeconds(long start) => (Timestamp() - start) * _secondsPerTick;

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
