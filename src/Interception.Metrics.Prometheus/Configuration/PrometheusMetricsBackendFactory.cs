using Interception.Metrics;
using Interception.Metrics.Prometheus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

[assembly: MetricsBackendFactory(typeof(PrometheusMetricsBackendFactory))]

namespace Interception.Metrics;

/// <summary>
/// Creates the <see cref="PrometheusMetricsBackend"/> from <c>Metrics:Backends:Prometheus</c>: keys <c>Enabled</c>,
/// <c>Exemplars</c> and <c>ExemplarMinInterval</c> (see <see cref="PrometheusMetricsBackendOptions"/>), and <c>Server</c>
/// (<c>Enabled</c>, <c>Host</c>, <c>Port</c>, <c>Path</c>; see <see cref="PrometheusServerOptions"/>).
/// The cardinality limit and default histogram buckets come from <c>Metrics:CardinalityLimit</c> and
/// <c>Metrics:Histogram:Buckets</c>.
/// </summary>
public sealed class PrometheusMetricsBackendFactory : MetricsBackendFactory
{
    /// <summary>The backend's name under <c>Metrics:Backends</c>.</summary>
    public const string BackendName = "Prometheus";

    /// <inheritdoc />
    public override string Name => BackendName;

    /// <inheritdoc />
    /// <exception cref="MetricsConfigurationException">A key is unknown or a value is invalid, including a host or port the
    /// server cannot listen on here (the key is the one to change).</exception>
    /// <exception cref="InvalidOperationException">The server is enabled and its port is in use, or it cannot listen for a reason outside the configuration.</exception>
    public override IMetricsBackend Create(IConfigurationSection section, MetricsBackendContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = ReadOptions(section);
        options.CardinalityLimit = context.CardinalityLimit;
        options.DefaultBuckets = context.HistogramBuckets;
        try
        {
            return new PrometheusMetricsBackend(options, context.LoggerFactory.CreateLogger<PrometheusMetricsBackend>());
        }
        catch (ServerOptionException exception)
        {
            throw new MetricsConfigurationException(section.GetSection("Server").GetSection(exception.Option).Path, exception.Reason, exception);
        }
    }

    /// <inheritdoc />
    public override void Validate(IConfigurationSection section) => ReadOptions(section);

    private static PrometheusMetricsBackendOptions ReadOptions(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        EnsureKnownKeys(section, "Enabled", "Exemplars", "ExemplarMinInterval", "Server");
        GetValue(section, "Enabled", true);
        var exemplarMinInterval = GetValue(section, "ExemplarMinInterval", TimeSpan.Zero);
        if (exemplarMinInterval < TimeSpan.Zero)
        {
            throw new MetricsConfigurationException(
                section.GetSection("ExemplarMinInterval").Path, $"'{exemplarMinInterval}' is negative; give a time span of zero or more, such as 00:00:01.");
        }

        var server = GetSection(section, "Server", "Enabled", "Host", "Port", "Path");
        return new PrometheusMetricsBackendOptions
        {
            Exemplars = GetValue(section, "Exemplars", true),
            ExemplarMinInterval = exemplarMinInterval,
            Server = new PrometheusServerOptions
            {
                Enabled = GetValue(server, "Enabled", false),
                Host = Check(server, "Host", GetString(server, "Host", PrometheusServerOptions.DefaultHost), ServerOptionsRules.HostError),
                Port = GetInt32(server, "Port", PrometheusServerOptions.DefaultPort, 1, 65535),
                Path = Check(server, "Path", GetString(server, "Path", PrometheusServerOptions.DefaultPath), ServerOptionsRules.PathError),
            },
        };
    }

    private static string Check(IConfigurationSection section, string key, string value, Func<string, string?> rule) =>
        rule(value) is { } error ? throw new MetricsConfigurationException(section.GetSection(key).Path, error) : value;
}
