using Autofac;
using Castle.DynamicProxy;
using Interception.Benchmarks.Peers;
using Interception.Benchmarks.Targets;
using Interception.Metrics;

namespace Interception.Benchmarks.Setup;

/// <summary>
/// Every contender of the call benchmarks, each an <see cref="ICalculator"/>: the peers, and ours resolved from
/// one real container per backend setup. Checks that ours are proxies and that the disabled one is not.
/// </summary>
public sealed class CalculatorContenders : IDisposable
{
    private readonly Dictionary<MetricsSetup, IContainer> _containers = [];

    public CalculatorContenders()
    {
        Direct = new Calculator();
        HandWritten = PeerProxies.HandWritten(new PeerSeries());
        CastlePassThrough = PeerProxies.PassThrough();
        CastleTimingFloor = PeerProxies.TimingFloor(new PeerSeries());
        AsyncInterceptorTiming = PeerProxies.AsyncTiming(new PeerSeries());
        Naive = PeerProxies.Naive(new PeerSeries());
        OursNull = Ours(MetricsSetup.Null);
        OursInMemory = Ours(MetricsSetup.InMemory);
        OursPrometheus = Ours(MetricsSetup.Prometheus);
        OursMeter = Ours(MetricsSetup.Meter);
        OursStatsD = Ours(MetricsSetup.StatsD);
        OursFanOut = Ours(MetricsSetup.FanOut);
        MetricsDisabled = Ours(MetricsSetup.Disabled);

        if (ProxyUtil.IsProxy(MetricsDisabled))
        {
            throw new InvalidOperationException("With Metrics:Enabled=false the calculator must not be proxied.");
        }

        // One call through ours with Prometheus must show up in its exposition: the benchmark measures real recording.
        OursPrometheus.Add(1);
        var output = _containers[MetricsSetup.Prometheus].Resolve<MetricsCollectorService>().GetMetricsOutput();
        if (!output.Contains("function_calls_total{function=\"Calculator.Add\",status=\"success\"} 1", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("A call through the Prometheus contender was not recorded:\n" + output);
        }
    }

    public ICalculator Direct { get; }

    public ICalculator HandWritten { get; }

    public ICalculator CastlePassThrough { get; }

    public ICalculator CastleTimingFloor { get; }

    public ICalculator AsyncInterceptorTiming { get; }

    public ICalculator Naive { get; }

    public ICalculator OursNull { get; }

    public ICalculator OursInMemory { get; }

    public ICalculator OursPrometheus { get; }

    public ICalculator OursMeter { get; }

    public ICalculator OursStatsD { get; }

    public ICalculator OursFanOut { get; }

    public ICalculator MetricsDisabled { get; }

    public void Dispose()
    {
        foreach (var container in _containers.Values)
        {
            container.Dispose();
        }

        _containers.Clear();
    }

    private ICalculator Ours(MetricsSetup setup)
    {
        var container = MetricsContainers.Build(setup, builder => builder.RegisterType<Calculator>().As<ICalculator>().SingleInstance());
        _containers.Add(setup, container);
        var calculator = container.Resolve<ICalculator>();
        if (setup != MetricsSetup.Disabled && !ProxyUtil.IsProxy(calculator))
        {
            throw new InvalidOperationException($"The {setup} container did not proxy the timed calculator.");
        }

        return calculator;
    }
}
