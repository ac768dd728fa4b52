using System.Reflection;
using Interception.Metrics.Generators.Diagnostics;
using Interception.Metrics.Generators.Tests.Verification;

namespace Interception.Metrics.Generators.Tests.Diagnostics;

/// <summary>
/// The analyzer's port of the label rules against the runtime's own code, on one table of inputs: the analyzer cannot
/// load the runtime assembly, so this is what keeps the two from drifting apart.
/// </summary>
public class LabelRulesTests
{
    public static TheoryData<string?> Entries { get; } =
    [
        "team=core", " team = core ", "\tteam\t=x", "team\u00A0=x", "a=b=c", "a=", "_x=1", "_=1", "A1_=x",
        "nokey", "key:value", "=v", " =v", "", null, "9x=1", "__x=1", "a-b=1", "a.b=1", "ключ=1", "tëam=x", "te am=x",
    ];

    public static TheoryData<MetricKind, string> KindLabels { get; } = Build();

    [Theory]
    [MemberData(nameof(Entries))]
    public void ParseEntry_SameEntryAsTheRuntime_AgreesOnKeyOrRefusal(string? entry)
    {
        var runtimeKey = RuntimeParse(entry);

        var (key, problem) = LabelRules.ParseEntry(entry);

        Assert.Equal(runtimeKey, key);
        Assert.Equal(runtimeKey is null, problem is not null);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void IsValidLabelName_SameNameAsTheRuntime_Agrees(string? entry)
    {
        var name = entry ?? "null";
        var runtime = (bool)typeof(MetricsCollectorService).Assembly
            .GetType("Interception.Metrics.Definitions.MetricNameRules", throwOnError: true)!
            .GetMethod("IsValidLabelName", BindingFlags.Public | BindingFlags.Static)!
            .Invoke(null, [name])!;

        Assert.Equal(runtime, LabelRules.IsValidLabelName(name));
    }

    [Theory]
    [MemberData(nameof(KindLabels))]
    public void Reserved_ConstantLabelOnAKind_AgreesWithWhatBindingTheOperationRefuses(MetricKind kind, string label)
    {
        var collector = new MetricsCollectorService(new InMemoryMetricsBackend());
        var refused = Record.Exception(() => collector.BindOperation(kind, "op", [new KeyValuePair<string, string>(label, "v")]));

        Assert.Equal(refused is ArgumentException, LabelRules.Reserved(kind.ToString()).Contains(label));
    }

    [Fact]
    public void NameLabel_EachKind_IsTheFirstLabelOfItsDurationHistogram()
    {
        var histograms = MetricCatalogue.Collector().Concat(MetricCatalogue.Telegram())
            .Where(d => d.Type == MetricType.Histogram)
            .ToDictionary(d => d.Name, d => d.LabelNames![^1]);

        Assert.Equal(histograms[MetricNames.FunctionDuration], LabelRules.NameLabel(nameof(MetricKind.Function)));
        Assert.Equal(histograms[MetricNames.HttpRequestDuration], LabelRules.NameLabel(nameof(MetricKind.Http)));
        Assert.Equal(histograms[MetricNames.DatabaseQueryDuration], LabelRules.NameLabel(nameof(MetricKind.Database)));
        Assert.Equal(histograms[MetricNames.TelegramApiRequestDuration], LabelRules.NameLabel(nameof(MetricKind.TelegramApi)));
        Assert.Equal(histograms[MetricNames.BackgroundTaskDuration], LabelRules.NameLabel(nameof(MetricKind.BackgroundTask)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void MaxArgumentLabels_RuntimeBindingThatManyAndOneMore_AcceptsTheLimitAndRefusesPastIt(int extra)
    {
        var count = LabelRules.MaxArgumentLabels + extra;
        var parameters = string.Join(", ", Enumerable.Range(0, count).Select(i => $"[MetricLabel(\"l{i}\")] int p{i}"));
        var (_, assembly) = RuntimeBinding.Compile($$"""
            using Interception.Metrics;

            public interface ILabels { [MetricsTimer] void Call({{parameters}}); }
            """);
        var service = assembly.GetType("ILabels", throwOnError: true)!;

        var bound = RuntimeBinding.ArgumentLabels(service, service.GetMethod("Call")!);

        Assert.Equal(extra == 0 ? count : null, bound);
    }

    [Theory]
    [InlineData("channel-type", "channel_type")]
    [InlineData("__meta", "_meta")]
    [InlineData("9th", "_9th")]
    [InlineData(" team name ", "team_name")]
    [InlineData("valid_name", null)]
    [InlineData("", null)]
    [InlineData("--", null)]
    public void Suggest_InvalidName_GivesAValidNameOrNone(string text, string? expected)
    {
        var suggestion = LabelRules.Suggest(text);

        Assert.Equal(expected, suggestion);
        Assert.True(suggestion is null || LabelRules.IsValidLabelName(suggestion));
    }

    private static string? RuntimeParse(string? entry)
    {
        var parse = typeof(MetricsCollectorService).Assembly
            .GetType("Interception.Metrics.Timing.TimingAttributes", throwOnError: true)!
            .GetMethod("ParseLabels", BindingFlags.Public | BindingFlags.Static)!;
        try
        {
            var labels = (IReadOnlyList<KeyValuePair<string, string>>)parse.Invoke(null, [new[] { entry }, typeof(LabelRulesTests), "Method"])!;
            return Assert.Single(labels).Key;
        }
        catch (TargetInvocationException exception) when (exception.InnerException is ArgumentException)
        {
            return null;
        }
    }

    private static TheoryData<MetricKind, string> Build()
    {
        var data = new TheoryData<MetricKind, string>();
        foreach (var kind in Enum.GetValues<MetricKind>())
        {
            foreach (var label in (string[])["function", "status", "le", "method", "endpoint", "operation", "task_name", "update_type", "team"])
            {
                data.Add(kind, label);
            }
        }

        return data;
    }
}
