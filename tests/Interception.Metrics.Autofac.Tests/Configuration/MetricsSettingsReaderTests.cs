using Autofac;
using Interception.Metrics.Autofac.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace Interception.Metrics.Autofac.Tests.Configuration;

/// <summary>The "Metrics" section is validated when the container is built.</summary>
public class MetricsSettingsReaderTests
{
    [Fact]
    public void Build_UnknownKeyUnderMetrics_FailsNamingKeyAndValidKeys()
    {
        var error = ConfigurationFailure.Of(("Metrics:Bogus", "1"));

        Assert.Equal("Metrics:Bogus", error.Key);
        Assert.Contains("Metrics:Bogus", error.Message, StringComparison.Ordinal);
        Assert.Contains("Enabled, AutoIntercept, CardinalityLimit, Histogram, App, Catalogue, Tracing, WarmUp, Proxy, Backends", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_EnabledNotBoolean_FailsNamingKeyAndValidValues()
    {
        var error = ConfigurationFailure.Of(("Metrics:Enabled", "maybe"));

        Assert.Equal("Metrics:Enabled", error.Key);
        Assert.Contains("'maybe'", error.Message, StringComparison.Ordinal);
        Assert.Contains("true or false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_AutoInterceptNotBoolean_FailsNamingKey()
    {
        var error = ConfigurationFailure.Of(("Metrics:AutoIntercept", "yes please"));

        Assert.Equal("Metrics:AutoIntercept", error.Key);
        Assert.Contains("true or false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WarmUpNotBoolean_FailsNamingKey()
    {
        var error = ConfigurationFailure.Of(("Metrics:WarmUp", "eager"));

        Assert.Equal("Metrics:WarmUp", error.Key);
        Assert.Contains("'eager'", error.Message, StringComparison.Ordinal);
        Assert.Contains("true or false", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1000001")]
    public void Build_CardinalityLimitOutOfRange_FailsNamingKeyAndRange(string limit)
    {
        var error = ConfigurationFailure.Of(("Metrics:CardinalityLimit", limit));

        Assert.Equal("Metrics:CardinalityLimit", error.Key);
        Assert.Contains("Metrics:CardinalityLimit", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 to 1000000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_BucketsNotIncreasing_FailsNamingKey()
    {
        var error = ConfigurationFailure.Of(
            ("Metrics:Histogram:Buckets:0", "0.1"),
            ("Metrics:Histogram:Buckets:1", "1"),
            ("Metrics:Histogram:Buckets:2", "0.5"));

        Assert.Equal("Metrics:Histogram:Buckets", error.Key);
        Assert.Contains("strictly increasing", error.Message, StringComparison.Ordinal);
        Assert.Contains("0.5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_BucketNotANumber_FailsNamingEntry()
    {
        var error = ConfigurationFailure.Of(("Metrics:Histogram:Buckets:0", "fast"));

        Assert.Equal("Metrics:Histogram:Buckets:0", error.Key);
        Assert.Contains("'fast'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UnknownKeyUnderHistogram_FailsListingValidKeys()
    {
        var error = ConfigurationFailure.Of(("Metrics:Histogram:Bucket:0", "1"));

        Assert.Equal("Metrics:Histogram:Bucket", error.Key);
        Assert.Contains("Valid keys: Buckets", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A plain value where a section belongs: (source, key, JSON value).</summary>
    public static TheoryData<string, string, string> ValuesWhereSectionsBelong()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var source in ConfigurationSources.All)
        {
            data.Add(source, "Metrics", "\"off\"");
            data.Add(source, "Metrics:Backends", "\"StatsD\"");
            data.Add(source, "Metrics:Backends:StatsD", "true");
            data.Add(source, "Metrics:Backends:InMemory", "\"on\"");
            data.Add(source, "Metrics:Backends:Prometheus", "false");
            data.Add(source, "Metrics:Histogram", "\"0.1,1\"");
            data.Add(source, "Metrics:App", "\"2.0\"");
            data.Add(source, "Metrics:Catalogue", "\"TelegramBot\"");
            data.Add(source, "Metrics:Tracing", "\"off\"");
        }

        return data;
    }

    /// <summary>A section where a single value belongs: (source, key, JSON value).</summary>
    public static TheoryData<string, string, string> SectionsWhereValuesBelong()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var source in ConfigurationSources.All)
        {
            data.Add(source, "Metrics:Enabled", "[\"true\"]");
            data.Add(source, "Metrics:AutoIntercept", "{ \"Value\": \"true\" }");
            data.Add(source, "Metrics:CardinalityLimit", "[10, 20]");
            data.Add(source, "Metrics:App:Version", "[\"2.0\", \"3.0\"]");
            data.Add(source, "Metrics:App:Environment", "{ \"Name\": \"prod\" }");
            data.Add(source, "Metrics:Histogram:Buckets:0", "[0.1]");
            data.Add(source, "Metrics:Backends:InMemory:Enabled", "[true]");
            data.Add(source, "Metrics:Catalogue:TelegramBot", "[true]");
            data.Add(source, "Metrics:Tracing:Enabled", "[false]");
            data.Add(source, "Metrics:WarmUp", "[true]");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ValuesWhereSectionsBelong))]
    public void Build_ValueWhereASectionBelongs_FailsNamingTheKey(string source, string key, string value)
    {
        var error = ConfigurationFailure.Of(ConfigurationSources.Build(source, key, value));

        Assert.Equal(key, error.Key);
        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected a section", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SectionsWhereValuesBelong))]
    public void Build_SectionWhereAValueBelongs_FailsNamingTheKey(string source, string key, string value)
    {
        var error = ConfigurationFailure.Of(ConfigurationSources.Build(source, key, value));

        Assert.Equal(key, error.Key);
        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected a single value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ValueWhereTheBackendSectionBelongs_SaysHowToSwitchItOn()
    {
        var error = ConfigurationFailure.Of(ConfigurationSources.Build(ConfigurationSources.EnvironmentVariables, "Metrics:Backends:StatsD", "true"));

        Assert.Contains("Metrics:Backends:StatsD:Enabled", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_BucketsWithAKeyThatIsNotAnIndex_FailsNamingIt()
    {
        var error = ConfigurationFailure.Of(("Metrics:Histogram:Buckets:0", "0.1"), ("Metrics:Histogram:Buckets:fast", "1"));

        Assert.Equal("Metrics:Histogram:Buckets:fast", error.Key);
        Assert.Contains("expected a list", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_EmptyOrNullJsonSections_AreTheDefaults()
    {
        const string Json = """
            { "Metrics": { "Histogram": {}, "App": {}, "Catalogue": null, "Backends": { "InMemory": { "Enabled": true }, "StatsD": {}, "Meter": null } } }
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Json))).Build();
        var builder = new ContainerBuilder();
        builder.RegisterModule(new MetricsModule(configuration));

        using var container = builder.Build();

        var appInfo = Assert.Single(container.Memory().GetSamples(MetricNames.AppInfo));
        Assert.Equal("Production", appInfo.Labels["environment"]);
        Assert.Equal(1, appInfo.Value);
    }

    [Theory]
    [InlineData(" 2.0.0 ", " staging ")]
    [InlineData("\t2.0.0\n", "staging\r\n")]
    public void Build_AppStringsWithSurroundingWhiteSpace_AreTrimmed(string version, string environment)
    {
        using var container = MetricsContainer.Build(_ => { }, ("Metrics:App:Version", version), ("Metrics:App:Environment", environment));

        Assert.Equal(1, container.Memory().GetGauge(MetricNames.AppInfo, ("version", "2.0.0"), ("environment", "staging")));
    }

    [Fact]
    public void Build_Default_DeclaresNoTelegramBotMetricAtStartup()
    {
        using var container = MetricsContainer.Build(_ => { });

        Assert.DoesNotContain(container.Memory().Definitions, d => d.Name.StartsWith("telegram_", StringComparison.Ordinal) || d.Name.StartsWith("bot_", StringComparison.Ordinal));
        Assert.Contains(container.Memory().Definitions, d => d.Name == MetricNames.FunctionCalls);
    }

    [Theory]
    [InlineData("true")]
    [InlineData(" True ")]
    public void Build_CatalogueTelegramBotTrue_DeclaresTheTelegramBotMetricsAtStartup(string value)
    {
        using var container = MetricsContainer.Build(_ => { }, ("Metrics:Catalogue:TelegramBot", value));

        string[] telegramBot =
        [
            MetricNames.TelegramApiRequests, MetricNames.TelegramApiRequestDuration, MetricNames.TelegramUpdates,
            MetricNames.BotChannels, MetricNames.BotUsers, MetricNames.BotScheduledPosts, MetricNames.BotPostsSent, MetricNames.BotPostViewsUpdates,
        ];
        Assert.All(telegramBot, name => Assert.Contains(container.Memory().Definitions, d => d.Name == name));
    }

    [Fact]
    public void Build_CatalogueTelegramBotNotBoolean_FailsNamingTheKey()
    {
        var error = ConfigurationFailure.Of(("Metrics:Catalogue:TelegramBot", "sometimes"));

        Assert.Equal("Metrics:Catalogue:TelegramBot", error.Key);
        Assert.Contains("true or false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UnknownKeyUnderCatalogue_FailsListingValidKeys()
    {
        var error = ConfigurationFailure.Of(("Metrics:Catalogue:Telegram", "true"));

        Assert.Equal("Metrics:Catalogue:Telegram", error.Key);
        Assert.Contains("Valid keys: TelegramBot", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ProxyNotAChoice_FailsNamingKeyAndValidChoices()
    {
        var error = ConfigurationFailure.Of(("Metrics:Proxy", "Generated"));

        Assert.Equal("Metrics:Proxy", error.Key);
        Assert.Contains("'Generated'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Auto, DynamicProxy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ProxyGivenAsSection_FailsNamingTheKey()
    {
        var error = ConfigurationFailure.Of(("Metrics:Proxy:Mode", "Auto"));

        Assert.Equal("Metrics:Proxy", error.Key);
        Assert.Contains("single value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TracingEnabledNotBoolean_FailsNamingTheKey()
    {
        var error = ConfigurationFailure.Of(("Metrics:Tracing:Enabled", "sampled"));

        Assert.Equal("Metrics:Tracing:Enabled", error.Key);
        Assert.Contains("'sampled'", error.Message, StringComparison.Ordinal);
        Assert.Contains("true or false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UnknownKeyUnderTracing_FailsListingValidKeys()
    {
        var error = ConfigurationFailure.Of(("Metrics:Tracing:SampleRate", "0.5"));

        Assert.Equal("Metrics:Tracing:SampleRate", error.Key);
        Assert.Contains("Valid keys: Enabled", error.Message, StringComparison.Ordinal);
    }
}
