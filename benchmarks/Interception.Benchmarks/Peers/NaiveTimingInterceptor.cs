using System.Diagnostics;
using System.Reflection;
using Castle.DynamicProxy;
using Interception.Metrics;

namespace Interception.Benchmarks.Peers;

/// <summary>
/// The timing interceptor of most blog posts: per call it reads the attribute by reflection, formats the label,
/// starts a new <see cref="Stopwatch"/> and looks the series up with <c>WithLabels</c>; a task is timed by a
/// continuation.
/// </summary>
public sealed class NaiveTimingInterceptor(PeerSeries series) : IInterceptor
{
    /// <inheritdoc />
    public void Intercept(IInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var attribute = (invocation.MethodInvocationTarget ?? invocation.Method).GetCustomAttribute<MetricsTimerAttribute>();
        if (attribute is null)
        {
            invocation.Proceed();
            return;
        }

        var name = attribute.Name ?? $"{invocation.TargetType?.Name}.{invocation.Method.Name}";
        var stopwatch = new Stopwatch();
        stopwatch.Start();
        try
        {
            invocation.Proceed();
        }
        catch
        {
            Record(name, "failed", stopwatch);
            throw;
        }

        if (invocation.ReturnValue is Task task)
        {
            task.ContinueWith(
                t => Record(name, t.IsCompletedSuccessfully ? "success" : "failed", stopwatch),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return;
        }

        Record(name, "success", stopwatch);
    }

    private void Record(string name, string status, Stopwatch stopwatch)
    {
        stopwatch.Stop();
        series.Calls.WithLabels(name, status).Inc();
        series.Duration.WithLabels(name).Observe(stopwatch.Elapsed.TotalSeconds);
    }
}
