namespace Interception.Metrics;

/// <summary>
/// The "Metrics" configuration is invalid: the message names the key and lists what is valid. Thrown when the
/// container is built, before anything starts.
/// </summary>
public sealed class MetricsConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="key">The full configuration key, such as <c>Metrics:Backends:StatsD:Port</c>.</param>
    /// <param name="message">What is wrong and what is valid.</param>
    public MetricsConfigurationException(string key, string message)
        : base($"Invalid metrics configuration at '{key}': {message}")
    {
        Key = key;
    }

    /// <summary>Creates the exception for a value that was well-formed but failed when used (such as a host to listen on).</summary>
    /// <param name="key">The full configuration key, such as <c>Metrics:Backends:Prometheus:Server:Host</c>.</param>
    /// <param name="message">What is wrong and what is valid.</param>
    /// <param name="innerException">The failure the value caused.</param>
    public MetricsConfigurationException(string key, string message, Exception? innerException)
        : base($"Invalid metrics configuration at '{key}': {message}", innerException)
    {
        Key = key;
    }

    /// <summary>Creates the exception.</summary>
    public MetricsConfigurationException()
        : this("Metrics", "invalid configuration.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public MetricsConfigurationException(string message)
        : this("Metrics", message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public MetricsConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Key = "Metrics";
    }

    /// <summary>The full configuration key at fault.</summary>
    public string Key { get; } = "Metrics";
}
