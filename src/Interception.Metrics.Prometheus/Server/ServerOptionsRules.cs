namespace Interception.Metrics.Prometheus;

/// <summary>What a valid <see cref="PrometheusServerOptions"/> is: one set of rules for code and configuration.</summary>
internal static class ServerOptionsRules
{
    /// <summary>Why <paramref name="host"/> cannot be listened on, or <see langword="null"/> when it can.</summary>
    public static string? HostError(string? host)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            return "the host must not be empty; use 127.0.0.1 for loopback only, or * to listen on every interface.";
        }

        return host.AsSpan().IndexOfAny(":/?#[] ") >= 0
            ? $"'{host}' is not a host name or IPv4 address (IPv6 literals are not supported by the HttpListener server); use 127.0.0.1, a host name, or * for every interface."
            : null;
    }

    /// <summary>Why <paramref name="path"/> is not a valid endpoint path, or <see langword="null"/> when it is.</summary>
    public static string? PathError(string? path)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '/')
        {
            return $"'{path}' must start with '/', such as /metrics.";
        }

        return path.AsSpan().IndexOfAny("?# \\") >= 0
            ? $"'{path}' must be a plain path without query, fragment, spaces or backslashes, such as /metrics."
            : null;
    }

    /// <summary>Why <paramref name="port"/> is not a valid TCP port, or <see langword="null"/> when it is.</summary>
    public static string? PortError(int port) =>
        port is >= 1 and <= 65535 ? null : $"{port} is out of range; valid ports are 1 to 65535.";

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="options"/> breaks a rule.</summary>
    public static void Validate(PrometheusServerOptions options)
    {
        Throw(nameof(options.Host), HostError(options.Host));
        Throw(nameof(options.Port), PortError(options.Port));
        Throw(nameof(options.Path), PathError(options.Path));

        static void Throw(string option, string? error)
        {
            if (error is not null)
            {
                throw new ArgumentException($"Invalid Prometheus server option {option}: {error}", nameof(options));
            }
        }
    }
}
