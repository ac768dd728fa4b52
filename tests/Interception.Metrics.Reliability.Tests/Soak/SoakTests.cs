using System.Diagnostics;
using Autofac;
using Interception.Metrics.Autofac.Tests.TestSupport;
using Interception.Metrics.Reliability.Tests.Fixtures;
using Interception.Metrics.Reliability.Tests.TestSupport;
using Interception.Metrics.Timing.Decorators;
using Xunit.Abstractions;

namespace Interception.Metrics.Reliability.Tests.Soak;

/// <summary>
/// Resolving and calling timed components in a loop (transient, singleton, per-scope and disposable) for 20
/// seconds: after warm-up nothing grows: no new proxy types, no managed memory, no threads.
/// </summary>
[Collection(IsolatedCollection.Name)]
public sealed class SoakTests(ITestOutputHelper output)
{
    private const int Workers = 2;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Phase = TimeSpan.FromSeconds(4);
    private const int Phases = 4;

    // Measured on a 2-core machine (the test writes its numbers): after a full GC, managed memory moved by at
    // most +64 KB from the warm-up value, up and down, without a trend (12 phases, 740,000 rounds), and the
    // thread count by at most +2. The bounds are 4x and 2x that; a leak of 1 B per round would pass 256 KB.
    private const long MemoryGrowthBound = 256 * 1024;
    private const int ThreadGrowthBound = 4;

    [Theory]
    [InlineData("DynamicProxy")]
    [InlineData("Auto")]
    public async Task ResolveAndCall_TwentySeconds_NoGrowthInProxyTypesMemoryOrThreads(string proxy)
    {
        using var container = MetricsContainer.Build(
            b =>
            {
                b.RegisterType<LoadTarget>().As<ILoadTarget>();
                b.RegisterType<Greeting>().As<IGreeting>().SingleInstance();
                b.RegisterType<UnitOfWork>().As<IUnitOfWork>().InstancePerLifetimeScope();
            },
            ("Metrics:Proxy", proxy));
        var calls = 0L;

        calls += await RunAsync(container, WarmUp);
        var snapshots = new List<ProcessSnapshot> { ProcessSnapshot.Take() };
        output.WriteLine($"after warm-up: {snapshots[0]}");
        for (var phase = 1; phase <= Phases; phase++)
        {
            calls += await RunAsync(container, Phase);
            snapshots.Add(ProcessSnapshot.Take());
            output.WriteLine($"after phase {phase}: {snapshots[^1]} (+{snapshots[^1].ManagedBytes - snapshots[0].ManagedBytes:N0} B)");
        }

        output.WriteLine($"{calls:N0} resolve-and-call rounds in all.");
        var first = snapshots[0];
        Assert.All(snapshots, s => Assert.Equal(first.ProxyTypes, s.ProxyTypes));
        if (proxy == "Auto")
        {
            // Every component is wrapped in its generated decorator (no proxy type of its own; the count above is the process's).
            Assert.IsAssignableFrom<ITimingDecorator>(container.Resolve<ILoadTarget>());
            Assert.IsAssignableFrom<ITimingDecorator>(container.Resolve<IGreeting>());
        }
        else
        {
            Assert.True(first.ProxyTypes >= 3, $"expected the three components' proxy types, found {first.ProxyTypes}");
        }

        Assert.All(snapshots, s => Assert.True(s.ManagedBytes - first.ManagedBytes < MemoryGrowthBound, $"managed memory grew from {first} to {s}"));
        Assert.All(snapshots, s => Assert.True(s.Threads - first.Threads <= ThreadGrowthBound, $"threads grew from {first} to {s}"));
        Assert.All(snapshots, s => Assert.True(s.PoolThreads - first.PoolThreads <= ThreadGrowthBound, $"thread pool grew from {first} to {s}"));

        var memory = container.Memory();
        Assert.Equal(calls, memory.GetCounter(MetricNames.DatabaseQueries, ("operation", "commit"), ("status", "success")));
        Assert.Equal(calls, memory.GetCounter(MetricNames.HttpRequests, ("method", "GET"), ("endpoint", "/greet"), ("status", "200")));
        Assert.Equal(calls * 10, memory.GetSamples(MetricNames.FunctionCalls).Sum(s => s.Value));
    }

    /// <summary>Runs the workers for <paramref name="duration"/>; returns how many rounds they made.</summary>
    private static async Task<long> RunAsync(IContainer container, TimeSpan duration)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var rounds = await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            var count = 0L;
            while (Stopwatch.GetTimestamp() < until)
            {
                LoadDriver.Run(container.Resolve<ILoadTarget>(), (int)(count % 1000) * 10, 10);
                Assert.Equal("hello soak", await container.Resolve<IGreeting>().GreetAsync("soak"));
                await using (var scope = container.BeginLifetimeScope())
                {
                    Assert.Equal(3, scope.Resolve<IUnitOfWork>().Commit(3));
                }

                count++;
            }

            return count;
        })));
        return rounds.Sum();
    }
}
