using System.Diagnostics;
using Autofac;
using Interception.Metrics.Autofac.Tests.TestSupport;
using Interception.Metrics.Reliability.Tests.Fixtures;
using Interception.Metrics.Reliability.Tests.TestSupport;

namespace Interception.Metrics.Reliability.Tests.Security;

/// <summary>
/// The privacy rule holds for traces: a timed call's activity carries its name, kind, status and, on failure, the
/// exception type; never an argument value (unless the parameter is a <see cref="MetricLabelAttribute"/>) and never
/// an exception message.
/// </summary>
[Collection(IsolatedCollection.Name)]
public sealed class TracePrivacyTests
{
    private const string Secret = AccountCalls.Secret;

    [Fact]
    public async Task TimedCalls_SecretArgumentsAndExceptionMessages_AppearInNoActivity()
    {
        using var traces = new TraceExport();
        using var container = MetricsContainer.Build(b => b.RegisterType<AccountService>().As<IAccountService>());

        await AccountCalls.RunAsync(container.Resolve<IAccountService>());

        var spans = traces.Spans;
        Assert.Equal(
            ["/accounts", "AccountService.Login", "AccountService.Notify", "RunAsync", "SaveAsync", "Send"],
            spans.Select(s => s.DisplayName).Order(StringComparer.Ordinal));
        Assert.Equal("email", Assert.Single(spans, s => s.DisplayName == "AccountService.Notify").GetTagItem("channel"));
        var send = Assert.Single(spans, s => s.DisplayName == "Send");
        Assert.Equal(ActivityStatusCode.Error, send.Status);
        Assert.Equal("System.InvalidOperationException", send.StatusDescription);
        var text = spans.SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}")
            .Concat(s.Events.Select(e => e.Name))
            .Concat(s.Baggage.Select(b => $"{b.Key}={b.Value}"))
            .Append(s.StatusDescription ?? string.Empty)
            .Append(s.DisplayName));
        Assert.DoesNotContain(text, t => t.Contains(Secret, StringComparison.Ordinal));
    }
}
