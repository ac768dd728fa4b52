using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Interception.Metrics.DynamicProxy.Tests.Fixtures;

/// <summary>
/// The real OpenTelemetry SDK tracer provider, sampling everything from the interceptor's source and from the tests'
/// own source, exporting each activity when it stops into memory.
/// </summary>
public sealed class TraceCapture : IDisposable
{
    public const string TestSourceName = "Interception.Metrics.DynamicProxy.Tests";

    private readonly List<Activity> _exported = [];
    private readonly TracerProvider _provider;
    private readonly ActivitySource _tests = new(TestSourceName);

    public TraceCapture()
    {
        _provider = Sdk.CreateTracerProviderBuilder()
            .AddSource(MetricsInterceptor.ActivitySourceName, TestSourceName)
            .SetSampler(new AlwaysOnSampler())
            .AddInMemoryExporter(_exported)
            .Build();
    }

    /// <summary>Starts a root activity of the tests' own source (the caller's activity) and makes it current.</summary>
    public Activity StartRoot(string name = "test") => _tests.StartActivity(name) ?? throw new InvalidOperationException("The tests' source is not sampled.");

    /// <summary>The interceptor's activities exported (stopped) so far in the trace of <paramref name="root"/>.</summary>
    public IReadOnlyList<Activity> Spans(Activity root)
    {
        lock (_exported)
        {
            return _exported.Where(a => a.Source.Name == MetricsInterceptor.ActivitySourceName && a.TraceId == root.TraceId).ToArray();
        }
    }

    /// <summary>Every interceptor activity exported so far.</summary>
    public IReadOnlyList<Activity> AllSpans()
    {
        lock (_exported)
        {
            return _exported.Where(a => a.Source.Name == MetricsInterceptor.ActivitySourceName).ToArray();
        }
    }

    public void Dispose()
    {
        _provider.Dispose();
        _tests.Dispose();
    }
}
