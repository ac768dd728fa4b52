namespace Interception.Metrics.Autofac.Tests.Fixtures;

/// <summary>A timed method with a by-ref-like parameter, which a proxy cannot pass to an interceptor, beside a plain one.</summary>
public interface ISpanJob
{
    [MetricsTimer]
    int Sum(ReadOnlySpan<int> values);

    [MetricsTimer]
    int Count();
}
