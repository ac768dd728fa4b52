using Castle.DynamicProxy;
using Interception.Benchmarks.Targets;

namespace Interception.Benchmarks.Peers;

/// <summary>Builds the Castle-based peers around a fresh <see cref="Calculator"/>, from one shared generator.</summary>
public static class PeerProxies
{
    private static readonly ProxyGenerator Generator = new();

    /// <summary>A proxy whose interceptor only proceeds.</summary>
    public static ICalculator PassThrough() =>
        Generator.CreateInterfaceProxyWithTarget<ICalculator>(new Calculator(), new PassThroughInterceptor());

    /// <summary>A proxy timed by Castle.Core.AsyncInterceptor's <see cref="AsyncTimingInterceptor"/>.</summary>
    public static ICalculator AsyncTiming(PeerSeries series) =>
        Generator.CreateInterfaceProxyWithTarget<ICalculator>(new Calculator(), new PrometheusAsyncTimingInterceptor(series).ToInterceptor());

    /// <summary>A proxy timed the blog-post way.</summary>
    public static ICalculator Naive(PeerSeries series) =>
        Generator.CreateInterfaceProxyWithTarget<ICalculator>(new Calculator(), new NaiveTimingInterceptor(series));

    /// <summary>A proxy with the least a Castle-based timer can do: the floor of every interceptor.</summary>
    public static ICalculator TimingFloor(PeerSeries series) =>
        Generator.CreateInterfaceProxyWithTarget<ICalculator>(new Calculator(), new TimingFloorInterceptor(series));

    /// <summary>The hand-written decorator.</summary>
    public static ICalculator HandWritten(PeerSeries series) => new HandWrittenCalculatorDecorator(new Calculator(), series);
}
