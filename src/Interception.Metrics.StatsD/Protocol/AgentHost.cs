using System.Net;

namespace Interception.Metrics.StatsD.Protocol;

/// <summary>
/// What an agent host may be: an IP address, or a host name of dot-separated labels of letters, digits, <c>-</c> and
/// <c>_</c> (container and service names use underscores). Anything else (a port, a scheme, spaces) could only fail
/// later, when every recording would be dropped, so it is refused at startup.
/// </summary>
internal static class AgentHost
{
    private const int MaxNameLength = 253;
    private const int MaxLabelLength = 63;

    /// <summary>Why <paramref name="host"/> cannot be an agent's address, or <see langword="null"/> when it can.</summary>
    public static string? Error(string host)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            return "the value must not be empty.";
        }

        return IPAddress.TryParse(host, out _) || IsHostName(host)
            ? null
            : $"'{host}' is not a host name or IP address; give the port in Port, without a scheme, such as 127.0.0.1 or statsd.local.";
    }

    private static bool IsHostName(string host)
    {
        if (host.Length > MaxNameLength)
        {
            return false;
        }

        foreach (var label in host.Split('.'))
        {
            if (label.Length is 0 or > MaxLabelLength || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
