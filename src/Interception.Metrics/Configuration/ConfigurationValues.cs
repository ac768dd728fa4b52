using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Interception.Metrics.Configuration;

/// <summary>
/// Reads and validates configuration values; every error names the full key and what is valid. One shape rule holds
/// for every key: a section (such as <c>Metrics:Backends:StatsD</c>) must not be given a value, and a value (such as
/// <c>Metrics:Backends:StatsD:Host</c>) must not be given a section, whatever the source (JSON, environment
/// variables, command line). Values are read without the white space around them.
/// </summary>
internal static class ConfigurationValues
{
    /// <summary>Throws when <paramref name="section"/> holds a value or has a key that is not in <paramref name="validKeys"/>.</summary>
    public static void EnsureKnownKeys(IConfigurationSection section, IReadOnlyCollection<string> validKeys)
    {
        RequireSection(section, validKeys);
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

    /// <summary>
    /// Throws when <paramref name="section"/>, where a section belongs, holds a value: <c>Metrics:Backends:StatsD=true</c>
    /// would otherwise be ignored. An empty value (JSON <c>null</c>) counts as no value.
    /// </summary>
    /// <param name="section">The section.</param>
    /// <param name="validKeys">Its keys, to name in the message; <see langword="null"/> when the caller does not know them.</param>
    public static void RequireSection(IConfigurationSection section, IReadOnlyCollection<string>? validKeys = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (string.IsNullOrEmpty(section.Value))
        {
            return;
        }

        var keys = validKeys is null ? string.Empty : $" with the keys {string.Join(", ", validKeys)}";
        var hint = validKeys is null || validKeys.Contains("Enabled", StringComparer.OrdinalIgnoreCase)
            ? $" To switch it on or off, set '{section.Path}:Enabled'."
            : string.Empty;
        throw new MetricsConfigurationException(section.Path, $"expected a section{keys}, found the value '{section.Value}'.{hint}");
    }

    /// <summary>The key <paramref name="key"/> of <paramref name="section"/>, which must not be a section.</summary>
    public static IConfigurationSection Single(IConfigurationSection section, string key)
    {
        ArgumentNullException.ThrowIfNull(section);
        var child = section.GetSection(key);
        var children = child.GetChildren().Select(c => c.Key).ToArray();
        return children.Length == 0
            ? child
            : throw new MetricsConfigurationException(
                child.Path, $"expected a single value, found a section with the keys {string.Join(", ", children)}.");
    }

    public static T GetValue<T>(IConfigurationSection section, string key, T defaultValue)
        where T : IParsable<T>
    {
        var child = Single(section, key);
        if (child.Value is null)
        {
            return defaultValue;
        }

        // The parsers of numbers, booleans and time spans ignore the white space around the value.
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

    /// <summary>Reads a string without the white space around it, or <paramref name="defaultValue"/> when absent.</summary>
    public static string GetString(IConfigurationSection section, string key, string defaultValue, bool allowEmpty = false)
    {
        var child = Single(section, key);
        if (child.Value is null)
        {
            return defaultValue;
        }

        var value = child.Value.Trim();
        return value.Length == 0 && !allowEmpty
            ? throw new MetricsConfigurationException(child.Path, "the value must not be empty.")
            : value;
    }

    /// <summary>A trimmed, non-empty string, or <see langword="null"/> when the key is absent (so that a default can be found later).</summary>
    public static string? GetOptionalString(IConfigurationSection section, string key) =>
        Single(section, key).Value is null ? null : GetString(section, key, string.Empty);

    private static string Describe(Type type) =>
        type == typeof(bool) ? "boolean (true or false)"
        : type == typeof(int) ? "whole number"
        : type == typeof(double) ? "number"
        : type.Name;
}
