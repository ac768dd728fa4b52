using Autofac;
using Microsoft.Extensions.Configuration;

namespace Interception.Metrics.Autofac.Tests;

public interface ISmoke
{
    [MetricsTimer]
    int Add(int a, int b);

    Task<int> AddLaterAsync(int a, int b);

    int Untimed();
}

public class Smoke : ISmoke
{
    public int Add(int a, int b) => a + b;

    [MetricsTimer(MetricKind.Database, Name = "add_later")]
    public async Task<int> AddLaterAsync(int a, int b)
    {
        await Task.Delay(50);
        return a + b;
    }

    public int Untimed() => 1;
}

public class SmokeTests
{
    [Fact]
    public async Task Resolve_TimedComponent_RecordsCalls()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Metrics:Backends:InMemory:Enabled"] = "true",
        }).Build();
        var builder = new ContainerBuilder();
        builder.RegisterModule(new MetricsModule(configuration));
        builder.RegisterType<Smoke>().As<ISmoke>();
        await using var container = builder.Build();
        var smoke = container.Resolve<ISmoke>();
        Assert.NotEqual(typeof(Smoke), smoke.GetType());
        Assert.Equal(5, smoke.Add(2, 3));
        Assert.Equal(7, await smoke.AddLaterAsync(3, 4));
        Assert.Equal(1, smoke.Untimed());
        var memory = container.Resolve<MultiMetricsBackend>().Backends.OfType<InMemoryMetricsBackend>().Single();
        Assert.Equal(1, memory.GetCounter("function_calls_total", ("function", "Smoke.Add"), ("status", "success")));
        Assert.Equal(1, memory.GetCounter("database_queries_total", ("operation", "add_later"), ("status", "success")));
        Assert.True(memory.GetHistogram("database_query_duration_seconds", ("operation", "add_later")).Max >= 0.05);
    }
}
