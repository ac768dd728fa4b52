using Interception.Metrics.DynamicProxy.Tests.Fixtures;

namespace Interception.Metrics.DynamicProxy.Tests.Timing;

public abstract partial class MetricsInterceptorTests
{
    [Fact]
    public void Intercept_EnumAndBoolLabels_RecordMemberNameAndLowerCaseBoolOnCounterAndHistogram()
    {
        var harness = Harness();
        var observed = harness.ProxyOf<IObserved>(new Observed());

        Assert.Equal(5, observed.Publish(ChannelType.Private, urgent: true, "hello"));
        observed.Publish(ChannelType.Private, urgent: true, "hello");
        observed.Publish(ChannelType.Group, urgent: false, "secret body");
        observed.Publish(ChannelType.Public | ChannelType.Group, urgent: false, "x");
        observed.Publish(ChannelType.Public | ChannelType.Group, urgent: false, "y");

        Assert.Equal(2, harness.Memory.GetCounter(
            MetricNames.FunctionCalls, ("function", "Observed.Publish"), ("status", "success"), ("channel_type", "Private"), ("urgent", "true")));
        Assert.Equal(1, harness.Memory.GetCounter(
            MetricNames.FunctionCalls, ("function", "Observed.Publish"), ("status", "success"), ("channel_type", "Group"), ("urgent", "false")));
        Assert.Equal(2, harness.Memory.GetCounter(
            MetricNames.FunctionCalls, ("function", "Observed.Publish"), ("status", "success"), ("channel_type", "Public, Group"), ("urgent", "false")));
        Assert.Equal(2, harness.Memory.GetHistogram(
            MetricNames.FunctionDuration, ("function", "Observed.Publish"), ("channel_type", "Private"), ("urgent", "true")).Count);
        Assert.DoesNotContain(
            harness.Memory.GetSamples(MetricNames.FunctionCalls).SelectMany(s => s.Labels.Values),
            value => value.Contains("body", StringComparison.Ordinal) || value == "5");
    }

    [Fact]
    public void Intercept_StringIntegerAndNullableLabels_InvariantTextAndNullAsEmpty()
    {
        var harness = Harness();
        var observed = harness.ProxyOf<IObserved>(new Observed());

        observed.Route("eu-west", -1234567, 9_000_000_000, ChannelType.Public);
        observed.Route(null, 0, null, null);
        observed.Route(null, 0, null, (ChannelType)3);

        Assert.Equal(1, harness.Memory.GetCounter(
            MetricNames.FunctionCalls,
            ("function", "Observed.Route"), ("status", "success"), ("team", "core"),
            ("region", "eu-west"), ("shard", "-1234567"), ("attempt", "9000000000"), ("level", "Public")));
        Assert.Equal(1, harness.Memory.GetCounter(
            MetricNames.FunctionCalls,
            ("function", "Observed.Route"), ("status", "success"), ("team", "core"),
            ("region", ""), ("shard", "0"), ("attempt", ""), ("level", "")));
        Assert.Equal(1, harness.Memory.GetCounter(
            MetricNames.FunctionCalls,
            ("function", "Observed.Route"), ("status", "success"), ("team", "core"),
            ("region", ""), ("shard", "0"), ("attempt", ""), ("level", "Public, Private")));
    }

    [Fact]
    public void Intercept_LabelOnImplementationParameterOnly_IsRecorded()
    {
        var harness = Harness();
        var observed = harness.ProxyOf<IObserved>(new Observed());

        Assert.Equal(4, observed.Send("chat", ChannelType.Group));

        Assert.Equal(1, harness.Memory.GetCounter(
            MetricNames.FunctionCalls, ("function", "Observed.Send"), ("status", "success"), ("kind", "Group")));
    }

    [Theory]
    [InlineData("Schedule", "'when'", "System.DateTime")]
    [InlineData("Store", "'payload'", "Payload")]
    [InlineData("TryRead", "'value'", "out parameter")]
    [InlineData("Clash", "'function'", "label of the Function metrics")]
    [InlineData("Twice", "'region'", "label 'region' already")]
    public void Intercept_RefusedLabelParameter_LogsErrorNamingMethodAndParameterAndProceedsUntimed(string method, string parameter, string reason)
    {
        var harness = Harness();
        var target = new Observed();
        var observed = harness.ProxyOf<IObserved>(target);
        var payload = new Payload("p4ssw0rd");

        object result = method switch
        {
            "Schedule" => observed.Schedule(new DateTime(2024, 5, 17, 0, 0, 0, DateTimeKind.Utc)),
            "Store" => observed.Store(payload),
            "TryRead" => observed.TryRead(out var value) && value == 3,
            "Clash" => observed.Clash("x"),
            _ => observed.Twice("us"),
        };

        Assert.Equal(method switch { "Schedule" => 17, "Store" => 5, "TryRead" => true, "Clash" => 1, _ => (object)2 }, result);
        Assert.DoesNotContain(harness.Memory.GetSamples(MetricNames.FunctionCalls), s => s.Labels["function"] == $"Observed.{method}");
        var error = Assert.Single(harness.Log.Messages, m => m.Contains($"Observed.{method}", StringComparison.Ordinal));
        Assert.Contains(parameter, error, StringComparison.Ordinal);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Contains("untimed", error, StringComparison.Ordinal);
        Assert.Equal(0, payload.ToStringCalls);
        Assert.DoesNotContain(harness.Log.Messages, m => m.Contains("p4ssw0rd", StringComparison.Ordinal));
    }

    [Fact]
    public void Intercept_MoreLabelValuesThanCardinalityLimit_FoldIntoOverflowWithExactTotalsAndBoundedCache()
    {
        const int limit = 5;
        var harness = Harness(cardinalityLimit: limit);
        var observed = harness.ProxyOf<IObserved>(new Observed());

        for (var shard = 0; shard < 40; shard++)
        {
            observed.Route("eu", shard, null, null);
            observed.Route("eu", shard, null, null);
        }

        var durations = harness.Memory.GetSamples(MetricNames.FunctionDuration);
        Assert.Equal(80, durations.Sum(s => s.Count));
        Assert.Equal(80, harness.Memory.GetSamples(MetricNames.FunctionCalls).Sum(s => s.Value));
        Assert.True(durations.Count <= limit + 1, $"{durations.Count} duration series for a limit of {limit}");
        var overflow = Assert.Single(durations, s => s.Labels.Values.All(v => v == MetricsBackend.OverflowLabelValue));
        Assert.Equal(80 - (2 * (durations.Count - 1)), overflow.Count);
        Assert.Equal(overflow.Count, harness.Memory.GetCounter(MetricNames.CardinalityOverflow, ("metric", MetricNames.FunctionDuration)));
        var timer = harness.Interceptor.GetTimer(typeof(Observed), typeof(IObserved).GetMethod(nameof(IObserved.Route))!);
        Assert.NotNull(timer);
        Assert.Equal(limit, timer.Metrics.ArgumentSetCount);
    }
}
