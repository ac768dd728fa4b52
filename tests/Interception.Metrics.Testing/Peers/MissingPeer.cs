using System.Diagnostics.CodeAnalysis;

namespace Interception.Metrics.Testing;

/// <summary>
/// The one rule for a test whose external peer (a Prometheus server, <c>promtool</c>, the statsd daemon) is not
/// installed: on a developer machine the test is reported Skipped with the reason; with <c>CI=true</c> it fails, so
/// CI never counts a test that did not run. It is never reported Passed.
/// </summary>
/// <remarks>
/// A test that can end here is a <see cref="PeerFactAttribute"/> test, which turns the skip into a Skipped result and
/// shows the reason at <c>dotnet test</c>'s default verbosity. Under a plain <c>[Fact]</c> the skip is reported as a
/// failure: loud, never green.
/// </remarks>
public static class MissingPeer
{
    /// <summary>Ends the running test because its peer is missing: Skipped, or Failed when <c>CI</c> is <c>true</c>.</summary>
    /// <param name="reason">What is missing and how to install it.</param>
    /// <exception cref="SkipException">Always, outside CI.</exception>
    /// <exception cref="Xunit.Sdk.FailException">Always, when <c>CI</c> is <c>true</c>.</exception>
    [DoesNotReturn]
    public static void SkipOrFail(string reason) => SkipOrFail(reason, Environment.GetEnvironmentVariable("CI"));

    /// <inheritdoc cref="SkipOrFail(string)"/>
    /// <param name="reason">What is missing and how to install it.</param>
    /// <param name="ci">The value of the <c>CI</c> environment variable.</param>
    [DoesNotReturn]
    public static void SkipOrFail(string reason, string? ci)
    {
        if (string.Equals(ci, "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{reason} CI=true, so this test must run: install the peer with .ci/install.d.");
        }

        throw new SkipException(reason);
    }
}
