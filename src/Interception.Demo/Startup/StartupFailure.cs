using Interception.Metrics;

namespace Interception.Demo.Startup;

/// <summary>A startup failure the user can fix, told in one line without a stack trace, with the demo's exit code for it.</summary>
internal sealed record StartupFailure(string Message, int ExitCode)
{
    /// <summary>Exit code for a failure the demo does not expect (a defect).</summary>
    public const int Unexpected = 1;

    /// <summary>Exit code for a command line, an environment or a setting that is not valid.</summary>
    public const int InvalidConfiguration = 2;

    /// <summary>Exit code for an address that cannot be listened on (taken, or not on this machine).</summary>
    public const int AddressUnavailable = 3;

    /// <summary>The failure <paramref name="exception"/> (or one of its inner exceptions) stands for, or <see langword="null"/> for any other.</summary>
    public static StartupFailure? Describe(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case CommandLineException or DemoConfigurationException or MetricsConfigurationException:
                    return new StartupFailure(current.Message, InvalidConfiguration);

                // Kestrel: "Failed to bind to address http://127.0.0.1:8080: address already in use."
                case IOException when current.InnerException is System.Net.Sockets.SocketException or Microsoft.AspNetCore.Connections.AddressInUseException:
                    return new StartupFailure(current.Message, AddressUnavailable);

                // The standalone Prometheus server: its listener could not start on the configured host and port.
                case InvalidOperationException { InnerException: IOException or System.Net.HttpListenerException or System.Net.Sockets.SocketException }:
                    return new StartupFailure(current.Message, AddressUnavailable);
            }
        }

        return null;
    }
}
