namespace Interception.Metrics.Autofac.Tests.Fixtures;

/// <summary>An open generic service whose interface carries the attribute.</summary>
[MetricsTimer]
public interface ICache<T>
{
    T Get(T key);
}
