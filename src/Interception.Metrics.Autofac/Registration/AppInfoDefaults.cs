using System.Reflection;
using Microsoft.Extensions.Hosting;

namespace Interception.Metrics.Registration;

/// <summary>
/// The labels of <c>app_info</c> when <c>Metrics:App</c> does not set them: the host's environment name and the entry
/// assembly's informational version (what <c>&lt;Version&gt;</c> in the project file sets).
/// </summary>
internal static class AppInfoDefaults
{
    /// <summary>Used when there is no host, as in a plain <c>ContainerBuilder</c> application.</summary>
    public const string FallbackEnvironment = "production";

    /// <summary>Used when the entry assembly has no version, as under some test runners.</summary>
    public const string FallbackVersion = "1.0.0";

    public static string Version() =>
        Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion is { Length: > 0 } version
            ? version
            : FallbackVersion;

    public static string Environment(IHostEnvironment? host) =>
        host?.EnvironmentName is { Length: > 0 } name ? name : FallbackEnvironment;
}
