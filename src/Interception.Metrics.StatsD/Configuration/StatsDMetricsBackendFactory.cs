using Interception.Metrics;
using Interception.Metrics.StatsD.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

[assembly: MetricsBackendFactory(typeof(StatsDMetricsBackendFactory))]

namespace Interception.Metrics;

/// <summary>
/// Creates the <see cref="StatsDMetricsBackend"/> from <c>Metrics:Backends:StatsD</c>. Keys: <c>Enabled</c>,
/// <c>Host</c> (a host name or IP address, without port or scheme), <c>Port</c>, <c>Prefix</c>, <c>MaxQueueSize</c>,
/// <c>MaxPacketSize</c>, <c>FlushInterval</c> (a time span such as <c>00:00:00.100</c>). Values are read without the
/// white space around them.
/// </summary>
public sealed class StatsDMetricsBackendFactory : MetricsBackendFactory
{
    /// <inheritdoc />
    public override string Name => "StatsD";

    /// <inheritdoc />
    /// <exception cref="MetricsConfigurationException">
    /// An unknown key, a key of the wrong shape, an empty host or one that is not a host name or IP address, a port outside 1-65535, a queue size below 1, a packet size outside
    /// 128-65507 or a flush interval outside 0-1 minute.
    /// </exception>
    public override IMetricsBackend Create(IConfigurationSection section, MetricsBackendContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = ReadOptions(section);
        options.CardinalityLimit = context.CardinalityLimit;
        try
        {
            return new StatsDMetricsBackend(options, context.LoggerFactory.CreateLogger<StatsDMetricsBackend>());
        }
        catch (ArgumentException exception)
        {
            throw new MetricsConfigurationException(section.GetSection(nameof(options.Prefix)).Path, exception.Message);
        }
    }

    /// <inheritdoc />
    public override void Validate(IConfigurationSection section) => ReadOptions(section);

    private static StatsDMetricsBackendOptions ReadOptions(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        EnsureKnownKeys(section, "Enabled", "Host", "Port", "Prefix", "MaxQueueSize", "MaxPacketSize", "FlushInterval");
        var defaults = new StatsDMetricsBackendOptions();
        var flushInterval = GetValue(section, nameof(defaults.FlushInterval), defaults.FlushInterval);
        if (flushInterval < TimeSpan.Zero || flushInterval > TimeSpan.FromMinutes(1))
        {
            throw new MetricsConfigurationException(
                section.GetSection(nameof(defaults.FlushInterval)).Path,
                $"{flushInterval} is out of range; valid values are 00:00:00 to 00:01:00.");
        }

        var host = GetString(section, nameof(defaults.Host), defaults.Host);
        if (AgentHost.Error(host) is { } hostError)
        {
            throw new MetricsConfigurationException(section.GetSection(nameof(defaults.Host)).Path, hostError);
        }

        return new StatsDMetricsBackendOptions
        {
            Host = host,
            Port = GetInt32(section, nameof(defaults.Port), defaults.Port, 1, 65535),
            Prefix = GetString(section, nameof(defaults.Prefix), defaults.Prefix, allowEmpty: true),
            MaxQueueSize = GetInt32(section, nameof(defaults.MaxQueueSize), defaults.MaxQueueSize, 1, int.MaxValue),
            MaxPacketSize = GetInt32(
                section,
                nameof(defaults.MaxPacketSize),
                defaults.MaxPacketSize,
                StatsDMetricsBackendOptions.MinPacketSize,
                StatsDMetricsBackendOptions.MaxUdpPayload),
            FlushInterval = flushInterval,
        };
    }
}
