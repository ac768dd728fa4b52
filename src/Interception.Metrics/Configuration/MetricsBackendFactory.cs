using Interception.Metrics.Configuration;
using Microsoft.Extensions.Configuration;

namespace Interception.Metrics;

/// <summary>
/// Creates a backend from its configuration section <c>Metrics:Backends:{Name}</c>. A backend assembly names
/// its factory with <see cref="MetricsBackendFactoryAttribute"/>, so that configuration alone can switch the
/// backend on once the assembly is referenced.
/// </summary>
public abstract class MetricsBackendFactory
{
    /// <summary>The backend's name under <c>Metrics:Backends</c>, such as <c>Prometheus</c>.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Validates <paramref name="section"/> and creates the backend. Called once, when the container is built.
    /// </summary>
    /// <param name="section">The backend's section; <c>Enabled</c> is true.</param>
    /// <param name="context">Shared settings.</param>
    /// <exception cref="MetricsConfigurationException">A key is unknown or a value is invalid.</exception>
    public abstract IMetricsBackend Create(IConfigurationSection section, MetricsBackendContext context);

    /// <summary>
    /// Checks the section of a backend that configuration leaves switched off, so that a misspelt key (such as
    /// <c>Enabeld</c>) or an invalid value fails at startup instead of silently leaving the backend off. Creates
    /// nothing. The default checks nothing; the built-in factories check what <see cref="Create"/> checks.
    /// </summary>
    /// <param name="section">The backend's section; <c>Enabled</c> is false.</param>
    /// <exception cref="MetricsConfigurationException">A key is unknown or a value is invalid.</exception>
    public virtual void Validate(IConfigurationSection section)
    {
    }

    /// <summary>
    /// Throws when <paramref name="section"/> holds a value where a section belongs (such as
    /// <c>Metrics:Backends:StatsD=true</c>), or has a key that is not in <paramref name="validKeys"/>.
    /// </summary>
    /// <exception cref="MetricsConfigurationException">A value instead of a section, or an unknown key; the message lists the valid keys.</exception>
    protected static void EnsureKnownKeys(IConfigurationSection section, params string[] validKeys) =>
        ConfigurationValues.EnsureKnownKeys(section, validKeys);

    /// <summary>
    /// The sub-section <paramref name="key"/> of <paramref name="section"/> (such as <c>Server</c>), checked like
    /// <see cref="EnsureKnownKeys"/>: a value there, or an unknown key in it, is an error.
    /// </summary>
    /// <exception cref="MetricsConfigurationException">A value instead of a section, or an unknown key.</exception>
    protected static IConfigurationSection GetSection(IConfigurationSection section, string key, params string[] validKeys)
    {
        ArgumentNullException.ThrowIfNull(section);
        var child = section.GetSection(key);
        ConfigurationValues.EnsureKnownKeys(child, validKeys);
        return child;
    }

    /// <summary>Reads a value (without the white space around it), or <paramref name="defaultValue"/> when the key is absent.</summary>
    /// <exception cref="MetricsConfigurationException">The key is a section, or the value cannot be read as <typeparamref name="T"/>.</exception>
    protected static T GetValue<T>(IConfigurationSection section, string key, T defaultValue)
        where T : IParsable<T> =>
        ConfigurationValues.GetValue(section, key, defaultValue);

    /// <summary>Reads an integer in [<paramref name="min"/>, <paramref name="max"/>], or <paramref name="defaultValue"/> when absent.</summary>
    /// <exception cref="MetricsConfigurationException">The key is a section, or the value is not an integer in range.</exception>
    protected static int GetInt32(IConfigurationSection section, string key, int defaultValue, int min, int max) =>
        ConfigurationValues.GetInt32(section, key, defaultValue, min, max);

    /// <summary>Reads a non-empty string without the white space around it, or <paramref name="defaultValue"/> when absent.</summary>
    /// <exception cref="MetricsConfigurationException">The key is a section, or the value is empty or white space.</exception>
    protected static string GetString(IConfigurationSection section, string key, string defaultValue) =>
        ConfigurationValues.GetString(section, key, defaultValue);

    /// <summary>Reads a string without the white space around it, or <paramref name="defaultValue"/> when absent.</summary>
    /// <param name="section">The section.</param>
    /// <param name="key">The key.</param>
    /// <param name="defaultValue">The value when the key is absent.</param>
    /// <param name="allowEmpty">Whether an empty value is valid (such as an empty prefix).</param>
    /// <exception cref="MetricsConfigurationException">The key is a section, or the value is empty and <paramref name="allowEmpty"/> is false.</exception>
    protected static string GetString(IConfigurationSection section, string key, string defaultValue, bool allowEmpty) =>
        ConfigurationValues.GetString(section, key, defaultValue, allowEmpty);
}
