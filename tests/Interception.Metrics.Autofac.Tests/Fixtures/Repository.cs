namespace Interception.Metrics.Autofac.Tests.Fixtures;

[MetricsTimer]
public class Repository<T> : IRepository<T>
{
    public T Find(T key) => key;
}
