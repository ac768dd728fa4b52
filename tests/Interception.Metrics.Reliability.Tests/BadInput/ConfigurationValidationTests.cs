using System.Text;
using System.Text.Json;
using Autofac;
using Interception.Metrics.Autofac.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace Interception.Metrics.Reliability.Tests.BadInput;

/// <summary>
/// Every invalid value of the "Metrics" section fails the container build with a
/// <see cref="MetricsConfigurationException"/> naming the full key (and the bad value, or what is valid).
/// </summary>
public sealed class ConfigurationValidationTests
{
    private const string StatsDOn = "Metrics:Backends:StatsD:Enabled=true";
    private const string MeterOn = "Metrics:Backends:Meter:Enabled=true";

    /// <summary>Settings ("key=value"), the key the error must name, and a fragment of its message.</summary>
    public static TheoryData<string[], string, string> InvalidSettings { get; } = new()
    {
        // Top level.
        { ["Metrics:Enabled=yes"], "Metrics:Enabled", "'yes' is not a valid boolean" },
        { ["Metrics:AutoIntercept=sometimes"], "Metrics:AutoIntercept", "'sometimes' is not a valid boolean" },
        { ["Metrics:CardinalityLimit=0"], "Metrics:CardinalityLimit", "0 is out of range; valid values are 1 to 1000000" },
        { ["Metrics:CardinalityLimit=-5"], "Metrics:CardinalityLimit", "-5 is out of range" },
        { ["Metrics:CardinalityLimit=2000000"], "Metrics:CardinalityLimit", "2000000 is out of range" },
        { ["Metrics:CardinalityLimit=many"], "Metrics:CardinalityLimit", "'many' is not a valid whole number" },
        { ["Metrics:Cardinality=10"], "Metrics:Cardinality", "unknown key 'Cardinality'. Valid keys: Enabled, AutoIntercept, CardinalityLimit" },
        { ["Metrics:Histogram:Buckets:0=0.5", "Metrics:Histogram:Buckets:1=0.1"], "Metrics:Histogram:Buckets", "strictly increasing; 0.1 at position 1" },
        { ["Metrics:Histogram:Buckets:0=0.1", "Metrics:Histogram:Buckets:1=0.1"], "Metrics:Histogram:Buckets", "strictly increasing; 0.1 at position 1" },
        { ["Metrics:Histogram:Buckets:0=-1"], "Metrics:Histogram:Buckets", "positive" },
        { ["Metrics:Histogram:Buckets:0=0"], "Metrics:Histogram:Buckets", "positive" },
        { ["Metrics:Histogram:Buckets:0=0.1", "Metrics:Histogram:Buckets:1=fast"], "Metrics:Histogram:Buckets:1", "'fast' is not a finite number" },
        { ["Metrics:Histogram:Buckets:0=NaN"], "Metrics:Histogram:Buckets:0", "'NaN' is not a finite number" },
        { ["Metrics:Histogram:Buckets:0=Infinity"], "Metrics:Histogram:Buckets:0", "'Infinity' is not a finite number" },
        { ["Metrics:Histogram:Buckets=0.1"], "Metrics:Histogram:Buckets", "expected a list of numbers" },
        { ["Metrics:Histogram:Width=2"], "Metrics:Histogram:Width", "unknown key 'Width'. Valid keys: Buckets" },
        { ["Metrics:App:Version="], "Metrics:App:Version", "must not be empty" },
        { ["Metrics:App:Environment=  "], "Metrics:App:Environment", "must not be empty" },
        { ["Metrics:App:Name=bot"], "Metrics:App:Name", "unknown key 'Name'. Valid keys: Version, Environment" },

        // Backends.
        { ["Metrics:Backends:Graphite:Enabled=true"], "Metrics:Backends:Graphite", "unknown key 'Graphite'. Valid keys: Prometheus, StatsD, Meter, InMemory" },
        { ["Metrics:Backends:Prometheus:Enabled=nope"], "Metrics:Backends:Prometheus:Enabled", "'nope' is not a valid boolean" },
        { ["Metrics:Backends:Prometheus:Port=9464"], "Metrics:Backends:Prometheus:Port", "unknown key 'Port'. Valid keys: Enabled, Exemplars, ExemplarMinInterval, Server" },
        { ["Metrics:Backends:Prometheus:Server=on"], "Metrics:Backends:Prometheus:Server", "expected a section" },
        { ["Metrics:Backends:Prometheus:Server:Tls=true"], "Metrics:Backends:Prometheus:Server:Tls", "Valid keys: Enabled, Host, Port, Path" },
        { ["Metrics:Backends:Prometheus:Server:Enabled=1"], "Metrics:Backends:Prometheus:Server:Enabled", "'1' is not a valid boolean" },
        { ["Metrics:Backends:Prometheus:Server:Port=0"], "Metrics:Backends:Prometheus:Server:Port", "0 is out of range; valid values are 1 to 65535" },
        { ["Metrics:Backends:Prometheus:Server:Port=65536"], "Metrics:Backends:Prometheus:Server:Port", "65536 is out of range" },
        { ["Metrics:Backends:Prometheus:Server:Port=http"], "Metrics:Backends:Prometheus:Server:Port", "'http' is not a valid whole number" },
        { ["Metrics:Backends:Prometheus:Server:Host="], "Metrics:Backends:Prometheus:Server:Host", "must not be empty" },
        { ["Metrics:Backends:Prometheus:Server:Host=::1::2"], "Metrics:Backends:Prometheus:Server:Host", "'::1::2' is not a host name or IP address" },
        { ["Metrics:Backends:Prometheus:Server:Host=my host"], "Metrics:Backends:Prometheus:Server:Host", "'my host' is not a host name" },
        { ["Metrics:Backends:Prometheus:Server:Path=metrics"], "Metrics:Backends:Prometheus:Server:Path", "'metrics' must start with '/'" },
        { ["Metrics:Backends:Prometheus:Server:Path=/metrics?x=1"], "Metrics:Backends:Prometheus:Server:Path", "'/metrics?x=1' must be a plain path" },
        { [StatsDOn, "Metrics:Backends:StatsD:Enabled=on"], "Metrics:Backends:StatsD:Enabled", "'on' is not a valid boolean" },
        { [StatsDOn, "Metrics:Backends:StatsD:Adress=10.0.0.1"], "Metrics:Backends:StatsD:Adress", "unknown key 'Adress'. Valid keys: Enabled, Host, Port, Prefix, MaxQueueSize" },
        { [StatsDOn, "Metrics:Backends:StatsD:Host="], "Metrics:Backends:StatsD:Host", "must not be empty" },
        { [StatsDOn, "Metrics:Backends:StatsD:Port=0"], "Metrics:Backends:StatsD:Port", "0 is out of range; valid values are 1 to 65535" },
        { [StatsDOn, "Metrics:Backends:StatsD:Port=70000"], "Metrics:Backends:StatsD:Port", "70000 is out of range" },
        { [StatsDOn, "Metrics:Backends:StatsD:Port=udp"], "Metrics:Backends:StatsD:Port", "'udp' is not a valid whole number" },
        { [StatsDOn, "Metrics:Backends:StatsD:MaxQueueSize=0"], "Metrics:Backends:StatsD:MaxQueueSize", "0 is out of range; valid values are 1 to" },
        { [StatsDOn, "Metrics:Backends:StatsD:MaxQueueSize=-1"], "Metrics:Backends:StatsD:MaxQueueSize", "-1 is out of range" },
        { [StatsDOn, "Metrics:Backends:StatsD:MaxQueueSize=lots"], "Metrics:Backends:StatsD:MaxQueueSize", "'lots' is not a valid whole number" },
        { [StatsDOn, "Metrics:Backends:StatsD:MaxPacketSize=64"], "Metrics:Backends:StatsD:MaxPacketSize", "64 is out of range; valid values are 128 to 65507" },
        { [StatsDOn, "Metrics:Backends:StatsD:FlushInterval=-00:00:01"], "Metrics:Backends:StatsD:FlushInterval", "out of range; valid values are 00:00:00 to 00:01:00" },
        { [StatsDOn, "Metrics:Backends:StatsD:FlushInterval=00:05:00"], "Metrics:Backends:StatsD:FlushInterval", "00:05:00 is out of range" },
        { [StatsDOn, "Metrics:Backends:StatsD:FlushInterval=soon"], "Metrics:Backends:StatsD:FlushInterval", "'soon' is not a valid TimeSpan" },
        { [StatsDOn, "Metrics:Backends:StatsD:Prefix=" + new string('p', 800)], "Metrics:Backends:StatsD:Prefix", "is too long for a MaxPacketSize of 1432 bytes" },
        { [StatsDOn, "Metrics:Backends:StatsD:Host=127.0.0.1:8125"], "Metrics:Backends:StatsD:Host", "'127.0.0.1:8125' is not a host name or IP address" },
        { [StatsDOn, "Metrics:Backends:StatsD:Host=statsd agent"], "Metrics:Backends:StatsD:Host", "'statsd agent' is not a host name or IP address" },
        { [StatsDOn, "Metrics:Backends:StatsD:Host:0=10.0.0.1"], "Metrics:Backends:StatsD:Host", "expected a single value" },
        { [StatsDOn, "Metrics:Backends:StatsD:Prefix:0=app"], "Metrics:Backends:StatsD:Prefix", "expected a single value" },
        { [MeterOn, "Metrics:Backends:Meter:MeterName:0=A"], "Metrics:Backends:Meter:MeterName", "expected a single value" },
        { ["Metrics:App:Version:0=2.0"], "Metrics:App:Version", "expected a single value" },
        { ["Metrics:Backends:StatsD=true"], "Metrics:Backends:StatsD", "expected a section" },
        { ["Metrics:Backends:Meter=on"], "Metrics:Backends:Meter", "expected a section" },
        { ["Metrics:Backends=StatsD"], "Metrics:Backends", "expected a section" },
        { ["Metrics:Histogram=0.1,1"], "Metrics:Histogram", "expected a section" },
        { ["Metrics:App=2.0"], "Metrics:App", "expected a section" },
        { ["Metrics:Catalogue:TelegramBot=often"], "Metrics:Catalogue:TelegramBot", "'often' is not a valid boolean" },
        { ["Metrics:Catalogue:Bot=true"], "Metrics:Catalogue:Bot", "unknown key 'Bot'. Valid keys: TelegramBot" },
        { [MeterOn, "Metrics:Backends:Meter:Enabled=enabled"], "Metrics:Backends:Meter:Enabled", "'enabled' is not a valid boolean" },
        { [MeterOn, "Metrics:Backends:Meter:MeterName="], "Metrics:Backends:Meter:MeterName", "must not be empty" },
        { [MeterOn, "Metrics:Backends:Meter:MeterName=   "], "Metrics:Backends:Meter:MeterName", "must not be empty" },
        { [MeterOn, "Metrics:Backends:Meter:Name=app"], "Metrics:Backends:Meter:Name", "unknown key 'Name'. Valid keys: Enabled, MeterName" },
        { ["Metrics:Backends:InMemory:Enabled=yes"], "Metrics:Backends:InMemory:Enabled", "'yes' is not a valid boolean" },
        { ["Metrics:Backends:InMemory:Capacity=10"], "Metrics:Backends:InMemory:Capacity", "unknown key 'Capacity'. Valid keys: Enabled" },

        // A backend left switched off is checked too: a misspelt "Enabled" must not silently leave it off.
        { ["Metrics:Backends:StatsD:Enabeld=true"], "Metrics:Backends:StatsD:Enabeld", "unknown key 'Enabeld'. Valid keys: Enabled, Host" },
        { ["Metrics:Backends:StatsD:Enabled=false", "Metrics:Backends:StatsD:Port=abc"], "Metrics:Backends:StatsD:Port", "'abc' is not a valid whole number" },
        { ["Metrics:Backends:Meter:Enabeld=true"], "Metrics:Backends:Meter:Enabeld", "unknown key 'Enabeld'. Valid keys: Enabled, MeterName" },
        { ["Metrics:Backends:Prometheus:Enabled=false", "Metrics:Backends:Prometheus:Server:Port=0"], "Metrics:Backends:Prometheus:Server:Port", "0 is out of range" },
        { ["Metrics:Backends:InMemory:Enabled=false", "Metrics:Backends:InMemory:Enable=true"], "Metrics:Backends:InMemory:Enable", "unknown key 'Enable'" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Build_InvalidSetting_FailsNamingKeyAndValue(string[] settings, string key, string expected)
    {
        var error = ConfigurationFailure.Of([.. settings.Select(Split)]);

        Assert.Equal(key, error.Key);
        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, 4)]
    [InlineData(false, 1)]
    public void Build_ValidSettingsOfEveryKey_Starts(bool enabled, int backends)
    {
        // Guards the table: the same keys with valid values build, so each row fails for its one bad value.
        using var container = MetricsContainer.Build(
            _ => { },
            [.. ((string[])[
                "Metrics:Enabled=true", "Metrics:AutoIntercept=true", "Metrics:CardinalityLimit=1000",
                "Metrics:Histogram:Buckets:0=0.1", "Metrics:Histogram:Buckets:1=1", "Metrics:App:Version=2.0.0", "Metrics:App:Environment=test",
                "Metrics:Backends:Prometheus:Server:Enabled=false",
                "Metrics:Backends:Prometheus:Server:Host=127.0.0.1", "Metrics:Backends:Prometheus:Server:Port=9464", "Metrics:Backends:Prometheus:Server:Path=/metrics",
                $"Metrics:Backends:StatsD:Enabled={enabled}", "Metrics:Backends:StatsD:Host=127.0.0.1", "Metrics:Backends:StatsD:Port=9", "Metrics:Backends:StatsD:Prefix=app",
                "Metrics:Backends:StatsD:MaxQueueSize=10", "Metrics:Backends:StatsD:MaxPacketSize=512", "Metrics:Backends:StatsD:FlushInterval=00:00:00.050",
                $"Metrics:Backends:Meter:Enabled={enabled}", "Metrics:Backends:Meter:MeterName=Interception.Reliability.Valid",
                $"Metrics:Backends:Prometheus:Enabled={enabled}", "Metrics:Backends:InMemory:Enabled=true",
            ]).Select(Split)]);

        Assert.Equal(backends, container.Resolve<MultiMetricsBackend>().Backends.Count);
    }

    /// <summary>
    /// Every key of the README's configuration block (every documented key, with its default), given the other
    /// shape: a value where the README has a section or a list, a section where it has a value. The key comes from
    /// the README, so a key documented later is covered without touching this test.
    /// </summary>
    public static TheoryData<string, string, string> DocumentedKeysInTheWrongShape()
    {
        var data = new TheoryData<string, string, string>();
        using var document = JsonDocument.Parse(ReadmeConfigurationBlock());
        void Walk(string path, JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    data.Add(path, "\"on\"", "expected a section");
                    foreach (var property in element.EnumerateObject())
                    {
                        Walk(path + ":" + property.Name, property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    data.Add(path, "\"0.1,1\"", "expected a list");
                    break;
                default:
                    data.Add(path, "{ \"Value\": \"1\" }", "expected a single value");
                    break;
            }
        }

        foreach (var property in document.RootElement.EnumerateObject())
        {
            Walk(property.Name, property.Value);
        }

        return data;
    }

    [Fact]
    public void Build_TheReadmeConfigurationBlock_StartsAndCoversEveryKey()
    {
        using var container = Build(ReadmeConfigurationBlock());

        Assert.Single(container.Resolve<MultiMetricsBackend>().Backends);
        Assert.True(DocumentedKeysInTheWrongShape().Count() >= 30);
    }

    [Theory]
    [MemberData(nameof(DocumentedKeysInTheWrongShape))]
    public void Build_DocumentedKeyGivenTheWrongShape_FailsNamingTheKey(string key, string jsonValue, string expected)
    {
        // The README's block as appsettings.json, and the wrong shape from a second source, as an environment
        // variable or a command-line argument would add it on top.
        var thrown = Record.Exception(() => Build(ReadmeConfigurationBlock(), Nest(key, jsonValue)).Dispose());

        var error = Assert.IsType<MetricsConfigurationException>(Unwrap(thrown));
        Assert.Equal(key, error.Key);
        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static IContainer Build(params string[] jsonDocuments)
    {
        var configuration = new ConfigurationBuilder();
        foreach (var json in jsonDocuments)
        {
            configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        }

        var builder = new ContainerBuilder();
        builder.RegisterModule(new MetricsModule(configuration.Build()));
        return builder.Build();
    }

    private static Exception? Unwrap(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is MetricsConfigurationException)
            {
                return current;
            }
        }

        return exception;
    }

    private static string Nest(string key, string jsonValue) =>
        key.Split(':').Reverse().Aggregate(jsonValue, (json, part) => $"{{\"{part}\": {json}}}");

    /// <summary>The first <c>json</c> block of the README's Configuration section.</summary>
    private static string ReadmeConfigurationBlock()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "README.md")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var readme = File.ReadAllText(Path.Combine(directory.FullName, "README.md"));
        var section = readme[readme.IndexOf("\n## Configuration", StringComparison.Ordinal)..];
        var start = section.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        return section[start..section.IndexOf("\n```", start, StringComparison.Ordinal)];
    }

    private static (string Key, string? Value) Split(string setting)
    {
        var separator = setting.IndexOf('=', StringComparison.Ordinal);
        return (setting[..separator], setting[(separator + 1)..]);
    }
}
