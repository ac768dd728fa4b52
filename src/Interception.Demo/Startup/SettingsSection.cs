using Microsoft.Extensions.Configuration;

namespace Interception.Demo.Startup;

/// <summary>
/// Reads one section of the demo's settings with the same rules as the <c>Metrics</c> section: an unknown key, a value
/// where a section belongs (or the reverse) and a value the key does not accept are errors naming the full key.
/// </summary>
internal sealed class SettingsSection
{
    private readonly IConfigurationSection _section;

    /// <exception cref="DemoConfigurationException">The section holds a value, or a key not in <paramref name="keys"/>.</exception>
    public SettingsSection(IConfigurationSection section, params string[] keys)
    {
        _section = section;
        if (!string.IsNullOrEmpty(section.Value))
        {
            throw new DemoConfigurationException(section.Path, $"expected a section with the keys {string.Join(", ", keys)}, found the value '{section.Value}'.");
        }

        foreach (var child in section.GetChildren())
        {
            if (!keys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                throw new DemoConfigurationException(child.Path, $"unknown key '{child.Key}'. Valid keys: {string.Join(", ", keys)}.");
            }
        }
    }

    /// <summary>The value of <paramref name="key"/>, or <paramref name="defaultValue"/> when it is absent.</summary>
    /// <exception cref="DemoConfigurationException">The key holds a section, or a value <paramref name="rule"/> does not accept.</exception>
    public T Get<T>(string key, ValueRule<T> rule, T defaultValue)
    {
        var child = _section.GetSection(key);
        if (child.GetChildren().Any())
        {
            throw new DemoConfigurationException(child.Path, $"expected a single value ({rule.Accepts}), found a section.");
        }

        if (child.Value is null)
        {
            return defaultValue;
        }

        return rule.TryParse(child.Value, out var value)
            ? value
            : throw new DemoConfigurationException(child.Path, $"'{child.Value}' is not valid; expected {rule.Accepts}.");
    }

    /// <summary>A string that may be left empty, meaning "not set": <see langword="null"/> when absent or empty.</summary>
    /// <exception cref="DemoConfigurationException">The key holds a section, or a value <paramref name="rule"/> does not accept.</exception>
    public string? GetOptional(string key, ValueRule<string> rule) =>
        string.IsNullOrWhiteSpace(_section.GetSection(key).Value) && !_section.GetSection(key).GetChildren().Any()
            ? null
            : Get(key, rule, string.Empty);

    /// <summary>The sub-section <paramref name="key"/>, read with its own keys.</summary>
    public SettingsSection Section(string key, params string[] keys) => new(_section.GetSection(key), keys);

    /// <summary>The full key of <paramref name="key"/>, for messages about values that are valid alone but not together.</summary>
    public string PathOf(string key) => ConfigurationPath.Combine(_section.Path, key);
}
