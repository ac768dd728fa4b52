using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Interception.Metrics.Reliability.Tests.TestSupport;

/// <summary>
/// The real OpenTelemetry SDK tracer provider sampling every activity of the interceptor's source, exporting each
/// one when it stops into memory.
/// </summary>
internal sealed class TraceExport : IDisposable
{
    private readonly List<Activity> _exported = [];
    private readonly TracerProvider _provider;

    public TraceExport()
    {
        _provider = Sdk.CreateTracerProviderBuilder()
            .AddSource(MetricsInterceptor.ActivitySourceName)
            .SetSampler(new AlwaysOnSampler())
            .AddInMemoryExporter(_exported)
            .Build();
    }

    /// <summary>Every activity exported so far.</summary>
    public IReadOnlyList<Activity> Spans
    {
        get
        {
            lock (_exported)
            {
                return [.. _exported];
            }
        }
    }

    public void Dispose() => _provider.Dispose();
}
