using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Interception.Metrics.Configuration;

/// <summary>
/// Reads and validates the "Metrics" section: unknown keys, unknown backends and bad values fail with the key
/// and the valid choices.
/// </summary>
internal static class MetricsSettingsReader
{
    public const string SectionName = "Metrics";

    private static readonly string[] TopLevelKeys = ["Enabled", "AutoIntercept", "CardinalityLimit", "Histogram", "App", "Backends"];

    public static MetricsSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        ConfigurationValues.EnsureKnownKeys(section, TopLevelKeys);

        var histogram = section.GetSection("Histogram");
        ConfigurationValues.EnsureKnownKeys(histogram, ["Buckets"]);
        var app = section.GetSection("App");
        ConfigurationValues.EnsureKnownKeys(app, ["Version", "Environment"]);

        return new MetricsSettings(
            ConfigurationValues.GetValue(section, "Enabled", true),
            ConfigurationValues.GetValue(section, "AutoIntercept", true),
            ConfigurationValues.GetInt32(section, "CardinalityLimit", MetricsBackend.DefaultCardinalityLimit, 1, 1_000_000),
            ReadBuckets(histogram.GetSection("Buckets")),
            OptionalString(app, "Version"),
            OptionalString(app, "Environment"),
            BackendCatalog.ReadEnabled(section.GetSection("Backends")));
    }

    /// <summary>A configured string, or <see langword="null"/> when the key is absent, so that a default can be found later.</summary>
    private static string? OptionalString(IConfigurationSection section, string key) =>
        section.GetSection(key).Value is null ? null : ConfigurationValues.GetString(section, key, string.Empty);

    private static IReadOnlyList<double> ReadBuckets(IConfigurationSection buckets)
    {
        var entries = buckets.GetChildren().ToArray();
        if (buckets.Value is not null && entries.Length == 0)
        {
            throw new MetricsConfigurationException(buckets.Path, "expected a list of numbers, such as [0.01, 0.1, 1].");
        }

        if (entries.Length == 0)
        {
            return MetricCatalogue.DefaultBuckets;
        }

        var values = entries
            .OrderBy(e => int.TryParse(e.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : int.MaxValue)
            .Select(e => double.TryParse(e.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
                ? value
                : throw new MetricsConfigurationException(e.Path, $"'{e.Value}' is not a finite number."))
            .ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] <= 0 || (i > 0 && values[i] <= values[i - 1]))
            {
                throw new MetricsConfigurationException(
                    buckets.Path,
                    $"buckets must be positive and strictly increasing; {values[i].ToString(CultureInfo.InvariantCulture)} at position {i.ToString(CultureInfo.InvariantCulture)} is not.");
            }
        }

        return values;
    }
}
