namespace Interception.Metrics.Testing;

/// <summary>
/// Finds the Etsy statsd daemon installed by <c>.ci/install.d/statsd.sh</c> (npm package <c>statsd</c> 0.9.0 in
/// <c>$STATSD_HOME</c>, default <c>/opt/statsd</c>) and node. Missing: the test is reported Skipped with an install
/// hint, or fails under <c>CI=true</c> (<see cref="MissingPeer"/>). Tests that call it are <c>[PeerFact]</c>.
/// </summary>
public static class StatsDInstallation
{
    public static string Home =>
        Environment.GetEnvironmentVariable("STATSD_HOME") is { Length: > 0 } home ? home : "/opt/statsd";

    public static string Script => Path.Combine(Home, "node_modules", "statsd", "stats.js");

    /// <summary>The node executable and stats.js.</summary>
    /// <exception cref="SkipException">Either is missing (outside CI).</exception>
    /// <exception cref="Xunit.Sdk.FailException">Either is missing and <c>CI</c> is <c>true</c>.</exception>
    public static (string Node, string Script) Locate()
    {
        var node = FindOnPath("node");
        var problem = node is null
            ? "node is not on PATH"
            : !File.Exists(Script) ? $"statsd is not installed ({Script} is missing)" : null;
        if (problem is not null)
        {
            MissingPeer.SkipOrFail(
                $"StatsD integration test not run: {problem}. Install it with `bash .ci/install.d/statsd.sh` " +
                "(npm install --prefix /opt/statsd statsd@0.9.0; set STATSD_HOME to use another directory).");
        }

        return (node!, Script);
    }

    private static string? FindOnPath(string name)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            foreach (var candidate in (string[])[name, name + ".exe"])
            {
                var path = Path.Combine(directory, candidate);
                if (directory.Length > 0 && File.Exists(path))
                {
                    return path;
                }
            }
        }

        return null;
    }
}
