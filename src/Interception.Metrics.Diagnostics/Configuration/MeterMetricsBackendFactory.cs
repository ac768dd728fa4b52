using Interception.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

[assembly: MetricsBackendFactory(typeof(MeterMetricsBackendFactory))]

namespace Interception.Metrics;

/// <summary>
/// Creates the <see cref="MeterMetricsBackend"/> from <c>Metrics:Backends:Meter</c>. Keys: <c>Enabled</c>,
/// <c>MeterName</c> (default <c>Interception.Metrics</c>). Histograms get <c>Metrics:Histogram:Buckets</c> as bucket advice.
/// </summary>
public sealed class MeterMetricsBackendFactory : MetricsBackendFactory
{
    /// <inheritdoc />
    public override string Name => "Meter";

    /// <inheritdoc />
    /// <exception cref="MetricsConfigurationException">An unknown key, or an empty <c>MeterName</c>.</exception>
    public override IMetricsBackend Create(IConfigurationSection section, MetricsBackendContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new MeterMetricsBackend(
            new MeterMetricsBackendOptions
            {
                MeterName = ReadMeterName(section),
                HistogramBuckets = context.HistogramBuckets,
                CardinalityLimit = context.CardinalityLimit,
            },
            logger: context.LoggerFactory.CreateLogger<MeterMetricsBackend>());
    }

    /// <inheritdoc />
    public override void Validate(IConfigurationSection section) => ReadMeterName(section);

    private static string ReadMeterName(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        EnsureKnownKeys(section, "Enabled", "MeterName");
        return GetString(section, "MeterName", MeterMetricsBackendOptions.DefaultMeterName);
    }
}
