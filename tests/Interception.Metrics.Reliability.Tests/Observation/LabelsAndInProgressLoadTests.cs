using System.Collections.Concurrent;
using Autofac;
using Interception.Metrics.Autofac.Tests.TestSupport;
using Interception.Metrics.Reliability.Tests.Fixtures;
using Interception.Metrics.Reliability.Tests.TestSupport;
using Xunit.Abstractions;

namespace Interception.Metrics.Reliability.Tests.Observation;

/// <summary>
/// 8 threads x 50,000 calls of methods with argument labels and in-progress gauges, through a real container and
/// real proxies, every return family and outcome, async streams stopped early: each label set counts exactly its
/// calls in Prometheus and in memory, and every in-progress gauge returns to 0.
/// </summary>
[Collection(IsolatedCollection.Name)]
public sealed class LabelsAndInProgressLoadTests(ITestOutputHelper output)
{
    private const int Threads = 8;
    private const int CallsPerThread = 50_000;
    private static readonly string[] Statuses = ["success", "failed", "canceled"];

    [Fact]
    public async Task MixedCalls_EightThreads_ExactCountsPerLabelSetAndGaugesBackToZero()
    {
        using var container = MetricsContainer.Build(
            b => b.RegisterType<ChannelPublisher>().As<IChannelPublisher>(),
            ("Metrics:Backends:Prometheus:Enabled", "true"));
        var publisher = container.Resolve<IChannelPublisher>();
        var expected = new ConcurrentDictionary<(string Function, string Audience, string Urgent, string Status), long>();

        var threads = Enumerable.Range(0, Threads).Select(t => Task.Run(async () =>
        {
            for (var i = t * CallsPerThread; i < (t + 1) * CallsPerThread; i++)
            {
                var audience = (Audience)(i % 3);
                var outcome = i / 3 % 3;
                var (function, urgent) = await CallAsync(publisher, i, audience, outcome);
                expected.AddOrUpdate((function, audience.ToString(), urgent, function == "read" ? "success" : Statuses[outcome]), 1, (_, n) => n + 1);
            }
        })).ToArray();
        await Task.WhenAll(threads).WaitAsync(TimeSpan.FromMinutes(2));
        output.WriteLine($"{expected.Values.Sum():N0} calls, {expected.Count} label sets.");

        var prometheus = PrometheusExposition.Parse(container.Resolve<MetricsCollectorService>().GetMetricsOutput());
        var memory = container.Memory();
        foreach (var ((function, audience, urgent, status), count) in expected)
        {
            var (metric, labels) = Series(function, audience, urgent);
            (string, string)[] withStatus = [.. labels, ("status", status)];
            Assert.Equal(count, prometheus.Value(metric, withStatus));
            Assert.Equal(count, memory.GetCounter(metric, withStatus));
        }

        Assert.Equal(Threads * CallsPerThread, expected.Values.Sum());
        Assert.Equal(
            expected.Values.Sum(),
            prometheus.Sum(MetricNames.FunctionCalls) + prometheus.Sum(MetricNames.DatabaseQueries));
        Assert.Equal(
            expected.Values.Sum(),
            prometheus.Sum(MetricNames.FunctionDuration + "_count") + prometheus.Sum(MetricNames.DatabaseQueryDuration + "_count"));

        var gauges = prometheus.Named(MetricNames.FunctionCallsInProgress).Concat(prometheus.Named(MetricNames.DatabaseQueriesInProgress)).ToArray();
        Assert.Equal(6 + 3 + 3 + 3, gauges.Length); // Publish by audience and urgency; PublishAsync, ReadAsync and save_post by audience
        Assert.All(gauges, g => Assert.Equal(0, g.Value));
        var inMemory = memory.GetSamples(MetricNames.FunctionCallsInProgress).Concat(memory.GetSamples(MetricNames.DatabaseQueriesInProgress)).ToArray();
        Assert.Equal(gauges.Length, inMemory.Length);
        Assert.All(inMemory, g => Assert.Equal(0, g.Value));
        Assert.Equal(0, prometheus.Sum(MetricNames.CardinalityOverflow));
    }

    private static async Task<(string Function, string Urgent)> CallAsync(IChannelPublisher publisher, int i, Audience audience, int outcome)
    {
        try
        {
            switch (i % 4)
            {
                case 0:
                    var urgent = i % 8 == 0;
                    publisher.Publish(audience, urgent, outcome);
                    return ("ChannelPublisher.Publish", urgent ? "true" : "false");
                case 1:
                    await publisher.PublishAsync(audience, outcome, yield: i % 3 == 0);
                    return ("ChannelPublisher.PublishAsync", string.Empty);
                case 2:
                    await publisher.SaveAsync(audience, outcome);
                    return ("save_post", string.Empty);
                default:
                    // Stopped early: one item of three, then disposed.
                    await foreach (var item in publisher.ReadAsync(audience, 3))
                    {
                        Assert.Equal(0, item);
                        break;
                    }

                    return ("read", string.Empty);
            }
        }
        catch (InvalidOperationException) when (outcome == 1)
        {
            return (Function(i), i % 4 == 0 ? (i % 8 == 0 ? "true" : "false") : string.Empty);
        }
        catch (OperationCanceledException) when (outcome == 2)
        {
            return (Function(i), i % 4 == 0 ? (i % 8 == 0 ? "true" : "false") : string.Empty);
        }
    }

    private static string Function(int i) => (i % 4) switch
    {
        0 => "ChannelPublisher.Publish",
        1 => "ChannelPublisher.PublishAsync",
        _ => "save_post",
    };

    private static (string Metric, (string, string)[] Labels) Series(string function, string audience, string urgent) => function switch
    {
        "save_post" => (MetricNames.DatabaseQueries, [("operation", "save_post"), ("audience", audience)]),
        "read" => (MetricNames.FunctionCalls, [("function", "ChannelPublisher.ReadAsync"), ("audience", audience)]),
        "ChannelPublisher.PublishAsync" => (MetricNames.FunctionCalls, [("function", function), ("team", "posts"), ("audience", audience)]),
        _ => (MetricNames.FunctionCalls, [("function", function), ("audience", audience), ("urgent", urgent)]),
    };
}
