namespace Interception.Metrics.Prometheus;

/// <summary>
/// The server cannot listen because of one of its options (a host this machine does not have, a port it may not use):
/// an <see cref="ArgumentException"/> for code, turned into a <see cref="MetricsConfigurationException"/> at that
/// option's key when the options come from configuration.
/// </summary>
internal sealed class ServerOptionException : ArgumentException
{
    public ServerOptionException(string option, string reason, Exception? innerException)
        : base($"Invalid Prometheus server option {option}: {reason}", option, innerException)
    {
        Option = option;
        Reason = reason;
    }

    public ServerOptionException()
        : this(nameof(PrometheusServerOptions.Host), "invalid.", null)
    {
    }

    public ServerOptionException(string message)
        : this(nameof(PrometheusServerOptions.Host), message, null)
    {
    }

    public ServerOptionException(string message, Exception innerException)
        : this(nameof(PrometheusServerOptions.Host), message, innerException)
    {
    }

    /// <summary>The option at fault: <c>Host</c> or <c>Port</c>.</summary>
    public string Option { get; }

    /// <summary>What is wrong and what to do, one sentence.</summary>
    public string Reason { get; }

    /// <inheritdoc />
    public override string Message => $"Invalid Prometheus server option {Option}: {Reason}";
}
