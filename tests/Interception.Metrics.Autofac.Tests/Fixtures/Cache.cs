namespace Interception.Metrics.Autofac.Tests.Fixtures;

public class Cache<T> : ICache<T>
{
    public T Get(T key) => key;
}
