using System.Globalization;
using Autofac;
using Castle.DynamicProxy;
using Interception.Benchmarks.Peers;
using Interception.Benchmarks.Setup;
using Interception.Benchmarks.Targets;
using Interception.Metrics;
using Interception.Metrics.Timing.Decorators;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Interception.Benchmarks.Throughput;

/// <summary>
/// The contenders of the throughput mode. Ours are resolved from a real Autofac container with
/// <see cref="MetricsModule"/>: the timed singleton <see cref="ICalculator"/> for the same series, the timed singleton
/// <see cref="ILaneCalculator"/> (one series per method) for own series.
/// </summary>
internal sealed class ThroughputContenders : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    public ThroughputContenders(IReadOnlySet<string>? only)
    {
        var all = new (string Name, Func<ThroughputContender> Create)[]
        {
            ("HandWrittenDecorator", HandWritten),
            ("OursPrometheus", () => Ours("OursPrometheus", MetricsSetup.Prometheus, PrometheusCalls)),
            ("OursPrometheusGenerated", () => Ours("OursPrometheusGenerated", MetricsSetup.Prometheus, PrometheusCalls, ("Metrics:Proxy", "Auto"))),
            ("OursInMemory", () => Ours("OursInMemory", MetricsSetup.InMemory, InMemoryCalls)),
            ("OursStatsD", () => Ours("OursStatsD", MetricsSetup.StatsD, _ => double.NaN)),
            ("OursMeter", () => Ours("OursMeter", MetricsSetup.Meter, _ => double.NaN)),
            ("OursMeterOpenTelemetry", OursMeterOpenTelemetry),
        };
        All = [.. all.Where(c => only is null || only.Contains(c.Name)).Select(c => c.Create())];
    }

    public IReadOnlyList<ThroughputContender> All { get; }

    public void Dispose()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }
    }

    /// <summary>The hand-written decorator on pre-bound prometheus-net children; each lane binds children of its own function.</summary>
    private static ThroughputContender HandWritten()
    {
        var same = new PeerSeries();
        var lanes = Enumerable.Range(0, LaneCalculator.Lanes)
            .Select(i => new PeerSeries($"{nameof(LaneCalculator)}.Add{i}"))
            .ToArray();
        var sameTarget = PeerProxies.HandWritten(same);
        return new ThroughputContender(
            "HandWrittenDecorator",
            sameTarget.Add,
            [.. lanes.Select(series => (Func<int, int>)PeerProxies.HandWritten(series).Add)],
            () => same.Success.Value + lanes.Sum(l => l.Success.Value));
    }

    private ThroughputContender Ours(string name, MetricsSetup setup, Func<IContainer, double> recordedCalls, params (string Key, string Value)[] settings)
    {
        var container = MetricsContainers.Build(
            setup,
            b =>
            {
                b.RegisterType<Calculator>().As<ICalculator>().SingleInstance();
                b.RegisterType<LaneCalculator>().As<ILaneCalculator>().SingleInstance();
            },
            settings);
        _owned.Add(container);
        var calculator = container.Resolve<ICalculator>();
        var lanes = container.Resolve<ILaneCalculator>();
        if (!IsTimed(calculator) || !IsTimed(lanes))
        {
            throw new InvalidOperationException($"The {setup} container did not time the calculators.");
        }

        return new ThroughputContender(name, calculator.Add, LaneCalculator.LanesOf(lanes), () => recordedCalls(container));
    }

    // A Castle proxy, or the generated decorator (Metrics:Proxy=Auto).
    private static bool IsTimed(object component) => ProxyUtil.IsProxy(component) || component is ITimingDecorator;

    /// <summary>The Meter backend read by the real OpenTelemetry SDK (cumulative, collected only when flushed).</summary>
    private ThroughputContender OursMeterOpenTelemetry()
    {
        var meterName = "Interception.Benchmarks.Throughput." + Guid.NewGuid().ToString("N");
        var exported = new List<Metric>();
        var provider = Sdk.CreateMeterProviderBuilder().AddMeter(meterName).AddInMemoryExporter(exported).Build();
        _owned.Add(provider);
        return Ours(
            "OursMeterOpenTelemetry",
            MetricsSetup.Meter,
            _ =>
            {
                exported.Clear();
                provider.ForceFlush();
                var total = 0.0;
                foreach (var metric in exported.Where(m => m.Name == MetricNames.FunctionCalls))
                {
                    foreach (ref readonly var point in metric.GetMetricPoints())
                    {
                        foreach (var tag in point.Tags)
                        {
                            if (tag.Key == "status" && Equals(tag.Value, "success"))
                            {
                                total += point.GetSumDouble();
                            }
                        }
                    }
                }

                return total;
            },
            ("Metrics:Backends:Meter:MeterName", meterName));
    }

    private static double PrometheusCalls(IContainer container)
    {
        var output = container.Resolve<MetricsCollectorService>().GetMetricsOutput();
        var total = 0.0;
        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith(MetricNames.FunctionCalls + "{", StringComparison.Ordinal) && line.Contains("status=\"success\"", StringComparison.Ordinal))
            {
                total += double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return total;
    }

    private static double InMemoryCalls(IContainer container) =>
        container.Resolve<MultiMetricsBackend>().Backends.OfType<InMemoryMetricsBackend>().Single()
            .GetSamples(MetricNames.FunctionCalls)
            .Where(s => s.Labels.TryGetValue("status", out var status) && status == "success")
            .Sum(s => s.Value);
}
