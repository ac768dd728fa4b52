using System.Collections.Concurrent;
using System.Reflection;
using Castle.DynamicProxy;
using Interception.Metrics.Timing;
using Interception.Metrics.Timing.Returns;
using Interception.Metrics.Timing.Tracing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Interception.Metrics;

/// <summary>
/// The Castle DynamicProxy interceptor that times <see cref="MetricsTimerAttribute"/> methods and records them
/// through <see cref="MetricsCollectorService"/>. Async-aware: a call returning a task, value task or async
/// stream is timed until it completes. The caller always gets the target's own result or exception. Each call is
/// also an <see cref="System.Diagnostics.Activity"/> of the <see cref="ActivitySourceName"/> source when a listener
/// (such as the OpenTelemetry SDK's <c>AddSource("Interception.Metrics")</c>) samples it.
/// </summary>
/// <remarks>
/// Each timed method gets a plan built on its first call (which attribute applies, the label values, the bound
/// series); proxies created by the Autofac integration call that plan directly, so a call does no lookup,
/// reflection or allocation of its own beyond one wrapper for an incomplete task.
/// </remarks>
public sealed class MetricsInterceptor : IInterceptor
{
    private readonly MetricsCollectorService _collector;
    private readonly Func<SystemMetricsService?> _systemMetrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<(Type Type, MethodInfo Method, bool OwnAttributesOnly), TimedMethodInterceptor?> _timers = new();
    private readonly bool _tracing;
    private readonly Action<Exception> _reportFailure;
    private long _failures;

    /// <summary>Creates the interceptor.</summary>
    /// <param name="collector">Receives every measurement.</param>
    /// <param name="systemMetrics">Refreshed in the background by <see cref="CollectSystemMetricsAttribute"/> methods; <see langword="null"/> to ignore that attribute.</param>
    /// <param name="logger">Receives the interceptor's own failures (a bad attribute, a failing recording); they never reach the caller.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="tracing">
    /// Whether each call starts an activity of the <see cref="ActivitySourceName"/> source (configuration key
    /// <c>Metrics:Tracing:Enabled</c>). While no listener samples that source a call pays one check.
    /// </param>
    public MetricsInterceptor(
        MetricsCollectorService collector,
        SystemMetricsService? systemMetrics = null,
        ILogger<MetricsInterceptor>? logger = null,
        TimeProvider? timeProvider = null,
        bool tracing = true)
        : this(collector, () => systemMetrics, logger, timeProvider, tracing)
    {
    }

    /// <summary>Creates the interceptor with the system metrics service resolved on first need, which breaks the
    /// cycle of a container where the service's providers are themselves timed components.</summary>
    internal MetricsInterceptor(
        MetricsCollectorService collector,
        Func<SystemMetricsService?> systemMetrics,
        ILogger<MetricsInterceptor>? logger,
        TimeProvider? timeProvider,
        bool tracing)
    {
        ArgumentNullException.ThrowIfNull(collector);
        _tracing = tracing;
        _collector = collector;
        _systemMetrics = systemMetrics;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<MetricsInterceptor>.Instance;
        _reportFailure = ReportFailure;
    }

    /// <summary>
    /// The name of the <see cref="System.Diagnostics.ActivitySource"/> of timed calls: each call is an activity named
    /// after the call's name label (<c>ChannelService.ConnectAsync</c>), of kind Client for <see cref="MetricKind.Http"/>
    /// and <see cref="MetricKind.TelegramApi"/> and Internal otherwise.
    /// </summary>
    public const string ActivitySourceName = TimingActivities.SourceName;

    /// <summary>How many times the interceptor's own bookkeeping failed (the callers were not affected).</summary>
    public long FailureCount => Interlocked.Read(ref _failures);

    /// <summary>Times the call when its method is timed; otherwise just proceeds.</summary>
    public void Intercept(IInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var target = invocation.InvocationTarget;
        var type = target is null ? invocation.TargetType : ProxyUtil.GetUnproxiedType(target);
        var timer = type is null ? null : GetTimedMethod(type, invocation.Method);
        if (timer is null)
        {
            invocation.Proceed();
            return;
        }

        timer.Intercept(invocation);
    }

    /// <summary>The plan of <paramref name="method"/> on <paramref name="implementationType"/>, built on first use; <see langword="null"/> when not timed.</summary>
    /// <param name="implementationType">The implementation whose attributes decide.</param>
    /// <param name="method">The method called.</param>
    /// <param name="ownAttributesOnly">Whether only the implementation's own attributes count (a decorator's proxy).</param>
    internal MethodTimer? GetTimer(Type implementationType, MethodInfo method, bool ownAttributesOnly = false) =>
        GetTimedMethod(implementationType, method, ownAttributesOnly)?.Timer;

    /// <summary>What a proxy calls for <paramref name="method"/> on <paramref name="implementationType"/>; <see langword="null"/> when not timed.</summary>
    internal TimedMethodInterceptor? GetTimedMethod(Type implementationType, MethodInfo method, bool ownAttributesOnly = false)
    {
        if (method.IsGenericMethod)
        {
            method = method.GetGenericMethodDefinition();
        }

        var key = (implementationType, method, ownAttributesOnly);
        return _timers.TryGetValue(key, out var timer)
            ? timer
            : _timers.GetOrAdd(key, k => Build(k.Type, k.Method, k.OwnAttributesOnly));
    }

    private TimedMethodInterceptor? Build(Type implementationType, MethodInfo method, bool ownAttributesOnly)
    {
        try
        {
            var timed = TimingAttributes.Resolve(implementationType, method, ownAttributesOnly);
            if (timed is null)
            {
                return null;
            }

            if (ReturnHandlers.Limitation(method.ReturnType) is { } limitation)
            {
                Log(logger => logger.LogWarning("{Type}.{Method} {Limitation}.", implementationType.FullName, method.Name, limitation));
            }

            var metrics = _collector.BindTimedOperation(
                timed.Kind, timed.Name, timed.ConstantLabels, timed.HttpMethod, timed.TrackInProgress, [.. timed.ArgumentLabels.Select(l => l.Name)]);
            return new TimedMethodInterceptor(new MethodTimer(
                metrics,
                method.ReturnType,
                timed.ArgumentLabels,
                _tracing ? TimingActivities.Source : null,
                _time,
                timed.CollectSystemMetrics ? _systemMetrics() : null,
                _reportFailure));
        }
        catch (ArgumentException exception)
        {
            // An attribute the plan refuses (a malformed label, a parameter that cannot be a label): the message says
            // which, naming the method and parameter, and holds no argument value.
            Interlocked.Increment(ref _failures);
            Log(logger => logger.LogError(exception, "Cannot time {Type}.{Method}: {Reason} Its calls proceed untimed.", implementationType.FullName, method.Name, exception.Message));
            return null;
        }
        catch (Exception exception)
        {
            Interlocked.Increment(ref _failures);
            Log(logger => logger.LogError(exception, "Cannot time {Type}.{Method}; its calls proceed untimed.", implementationType.FullName, method.Name));
            return null;
        }
    }

    private void ReportFailure(Exception exception)
    {
        // The first failure is logged with its exception; later ones only every 1,000th, to bound the log volume.
        var count = Interlocked.Increment(ref _failures);
        if (count == 1 || count % 1000 == 0)
        {
            Log(logger => logger.LogWarning(exception, "Recording a timed call failed ({Count} failures so far); the caller is not affected.", count));
        }
    }

    /// <summary>Writes a log entry on a path that must not fail: a logger that throws never reaches the caller.</summary>
    private void Log(Action<ILogger> write)
    {
        try
        {
            write(_logger);
        }
        catch (Exception)
        {
            // The failure or limitation stays counted in the failure count; only its log entry is lost.
        }
    }
}
