namespace Interception.Metrics.Testing;

/// <summary>
/// Finds the Prometheus binaries the integration tests run. When one is not on PATH, the test is reported Skipped
/// with how to install it; with <c>CI=true</c> it fails instead, so CI never passes without having run them
/// (<see cref="MissingPeer"/>). Tests that call it are <c>[PeerFact]</c>.
/// </summary>
public static class ExternalTool
{
    private const string InstallHint =
        "Install it with `sudo apt-get install -y prometheus` (Debian/Ubuntu: brings prometheus and promtool), " +
        "or run `sudo bash .ci/install.d/prometheus.sh`, or put the binaries from https://prometheus.io/download/ on PATH.";

    /// <summary>The full path of <paramref name="name"/> on PATH.</summary>
    /// <exception cref="SkipException">It is not on PATH (outside CI).</exception>
    /// <exception cref="Xunit.Sdk.FailException">It is not on PATH and <c>CI</c> is <c>true</c>.</exception>
    public static string Find(string name) =>
        Find(
            name,
            (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries),
            Environment.GetEnvironmentVariable("CI"));

    /// <summary>The full path of <paramref name="name"/> in one of <paramref name="directories"/>.</summary>
    /// <param name="name">The executable's file name.</param>
    /// <param name="directories">Where to look, in order.</param>
    /// <param name="ci">The value of the <c>CI</c> environment variable.</param>
    /// <exception cref="SkipException">It is in none of them (outside CI).</exception>
    /// <exception cref="Xunit.Sdk.FailException">It is in none of them and <paramref name="ci"/> is <c>true</c>.</exception>
    public static string Find(string name, IEnumerable<string> directories, string? ci)
    {
        var path = directories.Select(directory => Path.Combine(directory, name)).FirstOrDefault(File.Exists);
        if (path is null)
        {
            MissingPeer.SkipOrFail($"'{name}' was not found on PATH. {InstallHint}", ci);
        }

        return path;
    }
}
