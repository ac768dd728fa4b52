namespace Interception.Demo.Startup;

/// <summary>
/// The environment must name settings that exist: an environment without its <c>appsettings.{Environment}.json</c>
/// would silently run on the defaults (a typo such as <c>--environment AllBackend</c> would run Prometheus only).
/// </summary>
internal static class EnvironmentFiles
{
    private static readonly string[] StandardNames = ["Production", "Development", "Staging"];

    /// <summary>Checks <paramref name="environment"/> against the settings files in <paramref name="contentRoot"/>.</summary>
    /// <param name="environment">The host's environment name.</param>
    /// <param name="fromCommandLine">
    /// Whether <c>--environment</c> named it. Otherwise it came from <c>DOTNET_ENVIRONMENT</c>/<c>ASPNETCORE_ENVIRONMENT</c>
    /// or is the default, and the standard names (Production, Development, Staging) need no file of their own.
    /// </param>
    /// <param name="contentRoot">Where the settings files are.</param>
    /// <exception cref="CommandLineException">There is no settings file for the environment; the message lists those there are.</exception>
    public static void Check(string environment, bool fromCommandLine, string contentRoot)
    {
        if (!fromCommandLine && StandardNames.Contains(environment, StringComparer.OrdinalIgnoreCase))
        {
            return;
        }

        var expected = $"appsettings.{environment}.json";
        if (File.Exists(Path.Combine(contentRoot, expected)))
        {
            return;
        }

        var files = Directory.EnumerateFiles(contentRoot, "appsettings*.json")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToArray();
        var environments = files
            .Where(file => file.StartsWith("appsettings.", StringComparison.Ordinal) && file.Count(c => c == '.') == 2)
            .Select(file => file["appsettings.".Length..^".json".Length])
            .ToArray();
        var source = fromCommandLine ? "--environment" : "the environment variable DOTNET_ENVIRONMENT or ASPNETCORE_ENVIRONMENT";
        var choices = environments.Length == 0 ? "none" : string.Join(", ", environments);
        throw new CommandLineException(
            $"Unknown environment '{environment}' ({source}): there is no {expected}. Files in {contentRoot}: {string.Join(", ", files)}; environments: {choices}.");
    }
}
