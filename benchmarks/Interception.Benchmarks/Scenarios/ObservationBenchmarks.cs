using System.Diagnostics;
using Autofac;
using BenchmarkDotNet.Attributes;
using Interception.Benchmarks.Setup;
using Interception.Benchmarks.Targets;
using Interception.Metrics;

namespace Interception.Benchmarks.Scenarios;

/// <summary>
/// What each observation feature adds to a synchronous timed call with the Prometheus backend, as a ratio to the plain
/// timed call with tracing off (the baseline): tracing on with nobody listening, tracing sampled by a listener (with and
/// without Prometheus exemplars), exemplars switched off, an enum and a bool argument label (against the same
/// signature without labels: Castle boxes the same arguments), and the in-progress gauge.
/// </summary>
/// <remarks>
/// The listener is a bare <see cref="ActivityListener"/> that samples everything and exports nothing, so the sampled
/// rows show what the activity itself costs. It is subscribed only in the processes of the sampled rows
/// (BenchmarkDotNet runs each case in a process of its own), since it is process-wide.
/// </remarks>
[MemoryDiagnoser]
public class ObservationBenchmarks
{
    private readonly List<IContainer> _containers = [];
    private ActivityListener? _listener;
    private IObservedWorker _tracingOff = null!;
    private IObservedWorker _defaults = null!;
    private IObservedWorker _exemplarsOff = null!;
    private IObservedWorker _tracingOnExemplarsOff = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tracingOff = Worker(("Metrics:Tracing:Enabled", "false"));
        _defaults = Worker();
        _exemplarsOff = Worker(("Metrics:Tracing:Enabled", "false"), ("Metrics:Backends:Prometheus:Exemplars", "false"));
        _tracingOnExemplarsOff = Worker(("Metrics:Backends:Prometheus:Exemplars", "false"));
    }

    [GlobalSetup(Targets = [nameof(TracingSampled), nameof(TracingSampledWithExemplars)])]
    public void SetupSampled()
    {
        Setup();
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == MetricsInterceptor.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_listener);

        // The sampled rows must measure real activities and, with exemplars on, real exemplars.
        TracingSampledWithExemplars();
        var output = _containers[1].Resolve<MetricsCollectorService>();
        using var body = new MemoryStream();
        output.WriteMetricsAsync(body, MetricsExpositionFormat.OpenMetrics).GetAwaiter().GetResult();
        if (!System.Text.Encoding.UTF8.GetString(body.ToArray()).Contains("# {trace_id=", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("A sampled call recorded no exemplar.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _listener?.Dispose();
        foreach (var container in _containers)
        {
            container.Dispose();
        }

        _containers.Clear();
    }

    [Benchmark(Baseline = true)]
    public int TracingOff() => _tracingOff.Work(1);

    [Benchmark]
    public int TracingOnNoListener() => _defaults.Work(1);

    [Benchmark]
    public int TracingSampled() => _tracingOnExemplarsOff.Work(1);

    [Benchmark]
    public int TracingSampledWithExemplars() => _defaults.Work(1);

    [Benchmark]
    public int ExemplarsOff() => _exemplarsOff.Work(1);

    [Benchmark]
    public int NoLabelSameSignature() => _defaults.Publish(Audience.Private, true, 1);

    [Benchmark]
    public int EnumLabel() => _defaults.PublishByAudience(Audience.Private, true, 1);

    [Benchmark]
    public int BoolLabel() => _defaults.PublishByUrgency(Audience.Private, true, 1);

    [Benchmark]
    public int TrackInProgress() => _defaults.Tracked(1);

    private IObservedWorker Worker(params (string Key, string Value)[] settings)
    {
        var container = MetricsContainers.Build(MetricsSetup.Prometheus, b => b.RegisterType<ObservedWorker>().As<IObservedWorker>().SingleInstance(), settings);
        _containers.Add(container);
        return container.Resolve<IObservedWorker>();
    }
}
