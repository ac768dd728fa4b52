using Xunit.Abstractions;
using Xunit.Sdk;

namespace Interception.Metrics.Testing;

/// <summary>
/// Xunit.SkippableFact's test case (a <see cref="Xunit.SkipException"/> becomes a Skipped result), which also reports each
/// skip and its reason as a diagnostic message.
/// </summary>
public sealed class PeerFactTestCase : SkippableFactTestCase
{
    /// <summary>For xUnit's deserializer only.</summary>
    [Obsolete("Called by the deserializer", error: true)]
    public PeerFactTestCase()
    {
    }

    /// <summary>A test case for <paramref name="testMethod"/>.</summary>
    /// <param name="diagnosticMessageSink">Where the runner's diagnostic messages go.</param>
    /// <param name="methodDisplay">How the test's name is shown.</param>
    /// <param name="methodDisplayOptions">How the test's name is shown.</param>
    /// <param name="testMethod">The test method.</param>
    public PeerFactTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay methodDisplay, TestMethodDisplayOptions methodDisplayOptions, ITestMethod testMethod)
        : base([typeof(Xunit.SkipException).FullName!], diagnosticMessageSink, methodDisplay, methodDisplayOptions, testMethod)
    {
    }

    /// <inheritdoc/>
    public override Task<RunSummary> RunAsync(
        IMessageSink diagnosticMessageSink,
        IMessageBus messageBus,
        object[] constructorArguments,
        ExceptionAggregator aggregator,
        CancellationTokenSource cancellationTokenSource) =>
        base.RunAsync(diagnosticMessageSink, new SkipReasonMessageBus(messageBus, diagnosticMessageSink), constructorArguments, aggregator, cancellationTokenSource);
}
