using Xunit.Abstractions;
using Xunit.Sdk;

namespace Interception.Metrics.Testing;

/// <summary>
/// Passes every message on, and sends the reason of each skipped test to the diagnostic sink: xUnit's VSTest adapter
/// prints diagnostics as warnings, which <c>dotnet test</c> shows at its default verbosity.
/// </summary>
internal sealed class SkipReasonMessageBus(IMessageBus inner, IMessageSink diagnosticMessageSink) : IMessageBus
{
    public bool QueueMessage(IMessageSinkMessage message)
    {
        if (message is ITestSkipped skipped)
        {
            diagnosticMessageSink.OnMessage(new DiagnosticMessage("SKIPPED {0}: {1}", skipped.Test.DisplayName, skipped.Reason));
        }

        return inner.QueueMessage(message);
    }

    // The runner owns the inner bus and disposes it.
    public void Dispose()
    {
    }
}
