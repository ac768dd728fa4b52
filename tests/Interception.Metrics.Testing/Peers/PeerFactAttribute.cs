using Xunit.Sdk;

namespace Interception.Metrics.Testing;

/// <summary>
/// A test against a real external peer. When the peer is missing (<see cref="MissingPeer.SkipOrFail(string)"/>) the
/// test is reported Skipped, and the reason is sent as an xUnit diagnostic message, which <c>dotnet test</c> prints at
/// its default verbosity (the skip reason itself only appears from <c>--logger "console;verbosity=normal"</c> up).
/// </summary>
[XunitTestCaseDiscoverer("Interception.Metrics.Testing.PeerFactDiscoverer", "Interception.Metrics.Testing")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PeerFactAttribute : FactAttribute;
