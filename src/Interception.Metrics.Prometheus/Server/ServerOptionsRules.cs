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

        if (ListenAddress.IsAnyAddress(host) || ListenAddress.TryParseAddress(host, out _))
        {
            return null;
        }

        return Uri.CheckHostName(host) == UriHostNameType.Dns
            ? null
            : $"'{host}' is not a host name or IP address; use 127.0.0.1, localhost, ::1, an address of this machine, or * for every interface.";
    }

    /// <summary>Why <paramref name="path"/> is not a valid endpoint path, or <see langword="null"/> when it is.</summary>
    public static string? PathError(string? path)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '/')
        {
            return $"'{path}' must start with '/', such as /metrics.";
        }

        if (path.Contains('%', StringComparison.Ordinal))
        {
            return $"'{path}' must be written unescaped, without '%' escapes, such as /metrics.";
        }

        return path.AsSpan().IndexOfAny("?# \\") >= 0 || path.Contains("//", StringComparison.Ordinal) || path.Any(char.IsControl)
            ? $"'{path}' must be a plain path without query, fragment, spaces, backslashes or empty segments, such as /metrics."
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
