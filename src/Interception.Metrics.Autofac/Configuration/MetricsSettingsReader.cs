using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Interception.Metrics.Configuration;

/// <summary>
/// Reads and validates the "Metrics" section: unknown keys, unknown backends, bad values and keys of the wrong
/// shape (a value where a section belongs, a section where a value belongs) fail with the key and the valid choices.
/// </summary>
internal static class MetricsSettingsReader
{
    public const string SectionName = "Metrics";

    private static readonly string[] TopLevelKeys = ["Enabled", "AutoIntercept", "CardinalityLimit", "Histogram", "App", "Catalogue", "Tracing", "WarmUp", "Proxy", "Backends"];

    public static MetricsSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        ConfigurationValues.EnsureKnownKeys(section, TopLevelKeys);

        var histogram = section.GetSection("Histogram");
        ConfigurationValues.EnsureKnownKeys(histogram, ["Buckets"]);
        var app = section.GetSection("App");
        ConfigurationValues.EnsureKnownKeys(app, ["Version", "Environment"]);
        var catalogue = section.GetSection("Catalogue");
        ConfigurationValues.EnsureKnownKeys(catalogue, ["TelegramBot"]);
        var tracing = section.GetSection("Tracing");
        ConfigurationValues.EnsureKnownKeys(tracing, ["Enabled"]);

        return new MetricsSettings(
            ConfigurationValues.GetValue(section, "Enabled", true),
            ConfigurationValues.GetValue(section, "AutoIntercept", true),
            ConfigurationValues.GetValue(section, "WarmUp", false),
            ConfigurationValues.GetInt32(section, "CardinalityLimit", MetricsBackend.DefaultCardinalityLimit, 1, 1_000_000),
            ReadBuckets(histogram.GetSection("Buckets")),
            ConfigurationValues.GetOptionalString(app, "Version"),
            ConfigurationValues.GetOptionalString(app, "Environment"),
            ConfigurationValues.GetValue(catalogue, "TelegramBot", false),
            ConfigurationValues.GetValue(tracing, "Enabled", true),
            ReadProxy(section),
            BackendCatalog.ReadEnabled(section.GetSection("Backends")));
    }

    private static ProxyMode ReadProxy(IConfigurationSection section)
    {
        var value = ConfigurationValues.GetString(section, "Proxy", nameof(ProxyMode.Auto));
        return Enum.GetNames<ProxyMode>().FirstOrDefault(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<ProxyMode>(name)
            : throw new MetricsConfigurationException(
                section.GetSection("Proxy").Path, $"'{value}' is not a valid choice; valid choices are {string.Join(", ", Enum.GetNames<ProxyMode>())}.");
    }

    private static IReadOnlyList<double> ReadBuckets(IConfigurationSection buckets)
    {
        if (!string.IsNullOrEmpty(buckets.Value))
        {
            throw new MetricsConfigurationException(buckets.Path, "expected a list of numbers, such as [0.01, 0.1, 1].");
        }

        var entries = buckets.GetChildren()
            .Select(e => (Entry: e, Index: int.TryParse(e.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1))
            .ToArray();
        if (entries.Length == 0)
        {
            return MetricCatalogue.DefaultBuckets;
        }

        if (entries.FirstOrDefault(e => e.Index < 0).Entry is { } named)
        {
            throw new MetricsConfigurationException(
                named.Path, $"expected a list of numbers, such as [0.01, 0.1, 1]; '{named.Key}' is not a position in a list.");
        }

        var values = entries
            .OrderBy(e => e.Index)
            .Select(e => ConfigurationValues.Single(buckets, e.Entry.Key))
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
