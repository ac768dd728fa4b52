namespace Interception.Metrics.Autofac.Tests.Fixtures;

/// <summary>An open generic service whose implementation carries the attribute.</summary>
public interface IRepository<T>
{
    T Find(T key);
}
