using Xunit.Abstractions;

namespace Interception.Demo.Tests.TestSupport;

/// <summary>
/// Finds the Prometheus binaries the integration tests run. When one is missing, a developer machine returns early
/// with a message saying how to install it; with <c>CI=true</c> the test fails instead, so CI never passes without
/// having run them.
/// </summary>
internal static class ExternalTool
{
    private const string InstallHint =
        "Install it with `sudo apt-get install -y prometheus` (Debian/Ubuntu: brings prometheus and promtool), " +
        "or run `sudo bash .ci/install.d/prometheus.sh`, or put the binaries from https://prometheus.io/download/ on PATH.";

    /// <summary>The full path of <paramref name="name"/>, or <see langword="null"/> (after writing why) when it is not installed.</summary>
    /// <exception cref="Xunit.Sdk.FailException">It is not installed and <c>CI</c> is <c>true</c>.</exception>
    public static string? Find(string name, ITestOutputHelper output) =>
        Find(
            name,
            output,
            (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Append("/usr/bin")
                .Append("/usr/local/bin"),
            Environment.GetEnvironmentVariable("CI"));

    internal static string? Find(string name, ITestOutputHelper output, IEnumerable<string> directories, string? ci)
    {
        var path = directories.Select(directory => Path.Combine(directory, name)).FirstOrDefault(File.Exists);
        if (path is not null)
        {
            return path;
        }

        var message = $"'{name}' was not found on PATH. {InstallHint}";
        if (string.Equals(ci, "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{message} CI=true, so this integration test must run: install the tool in .ci/install.d.");
        }

        output.WriteLine($"NOT RUN: {message}");
        return null;
    }
}
