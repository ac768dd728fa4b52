using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace Interception.Metrics.Prometheus;

/// <summary>How <see cref="PrometheusServerOptions.Host"/> is read: wildcards, IP literals, <c>localhost</c> and host names.</summary>
internal static class ListenAddress
{
    /// <summary>Whether <paramref name="host"/> means every interface: <c>*</c>, <c>+</c>, <c>0.0.0.0</c> or <c>::</c>.</summary>
    public static bool IsAnyAddress(string host) => host is "*" or "+" or "0.0.0.0" or "::" or "[::]";

    /// <summary>Whether <paramref name="host"/> is <c>localhost</c>.</summary>
    public static bool IsLocalhost(string host) => host.Equals("localhost", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads an IPv4 or IPv6 literal, with or without brackets (<c>::1</c>, <c>[::1]</c>).</summary>
    public static bool TryParseAddress(string host, [NotNullWhen(true)] out IPAddress? address)
    {
        var literal = host.Length > 2 && host[0] == '[' && host[^1] == ']' ? host[1..^1] : host;
        if ((literal.Contains(':', StringComparison.Ordinal) || IsDottedQuad(literal)) && IPAddress.TryParse(literal, out address))
        {
            return true;
        }

        address = null;
        return false;
    }

    /// <summary>Whether <paramref name="host"/> (an HTTP <c>Host</c> header's host, or a configured host) names the loopback interface.</summary>
    public static bool IsLoopbackName(string host) =>
        IsLocalhost(host) || (TryParseAddress(host, out var address) && IPAddress.IsLoopback(address));

    /// <summary><paramref name="host"/> and <paramref name="port"/> as a URL authority, with IPv6 literals in brackets.</summary>
    public static string Authority(string host, int port) =>
        TryParseAddress(host, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? $"[{address}]:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
            : $"{host}:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    // IPAddress.TryParse also accepts "1" or "1.2" as IPv4; only four dotted numbers are an address here.
    private static bool IsDottedQuad(string value) => value.Count(c => c == '.') == 3 && value.All(c => c == '.' || char.IsAsciiDigit(c));
}
