using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Interception.Metrics.Configuration;

/// <summary>Reads and validates configuration values; every error names the full key and what is valid.</summary>
internal static class ConfigurationValues
{
    public static void EnsureKnownKeys(IConfigurationSection section, IReadOnlyCollection<string> validKeys)
    {
        ArgumentNullException.ThrowIfNull(section);
        foreach (var child in section.GetChildren())
        {
            if (!validKeys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                throw new MetricsConfigurationException(
                    child.Path,
                    $"unknown key '{child.Key}'. Valid keys: {string.Join(", ", validKeys)}.");
            }
        }
    }

    public static T GetValue<T>(IConfigurationSection section, string key, T defaultValue)
        where T : IParsable<T>
    {
        ArgumentNullException.ThrowIfNull(section);
        var child = section.GetSection(key);
        if (child.Value is null)
        {
            if (child.GetChildren().Any())
            {
                throw new MetricsConfigurationException(child.Path, $"expected a single {typeof(T).Name} value, found a section.");
            }

            return defaultValue;
        }

        return T.TryParse(child.Value, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new MetricsConfigurationException(child.Path, $"'{child.Value}' is not a valid {Describe(typeof(T))}.");
    }

    public static int GetInt32(IConfigurationSection section, string key, int defaultValue, int min, int max)
    {
        var value = GetValue(section, key, defaultValue);
        return value >= min && value <= max
            ? value
            : throw new MetricsConfigurationException(
                section.GetSection(key).Path,
                $"{value.ToString(CultureInfo.InvariantCulture)} is out of range; valid values are {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");
    }

    public static string GetString(IConfigurationSection section, string key, string defaultValue)
    {
        ArgumentNullException.ThrowIfNull(section);
        var child = section.GetSection(key);
        if (child.Value is null)
        {
            return defaultValue;
        }

        return string.IsNullOrWhiteSpace(child.Value)
            ? throw new MetricsConfigurationException(child.Path, "the value must not be empty.")
            : child.Value;
    }

    private static string Describe(Type type) =>
        type == typeof(bool) ? "boolean (true or false)"
        : type == typeof(int) ? "whole number"
        : type == typeof(double) ? "number"
        : type.Name;
}
