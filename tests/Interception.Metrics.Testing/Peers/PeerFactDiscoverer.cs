using Xunit.Abstractions;
using Xunit.Sdk;

namespace Interception.Metrics.Testing;

/// <summary>Discovers <see cref="PeerFactAttribute"/> tests (xUnit creates it by name).</summary>
/// <param name="diagnosticMessageSink">Where the runner's diagnostic messages go.</param>
public sealed class PeerFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    /// <inheritdoc/>
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        [new PeerFactTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)];
}
