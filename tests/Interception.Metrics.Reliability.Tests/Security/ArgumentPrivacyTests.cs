using System.Globalization;
using Autofac;
using Interception.Metrics.Autofac.Tests.TestSupport;
using Interception.Metrics.Reliability.Tests.Fixtures;
using Interception.Metrics.Reliability.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Interception.Metrics.Reliability.Tests.Security;

/// <summary>
/// Method argument values (and the messages of the exceptions the methods throw) are never recorded: not as
/// labels, not as tags, not in the logs. Only the method, its kind, the attribute's constant labels and the values of
/// parameters marked <see cref="MetricLabelAttribute"/> are.
/// </summary>
public sealed class ArgumentPrivacyTests(ITestOutputHelper output)
{
    private const string Secret = AccountCalls.Secret;

    [Fact]
    public async Task TimedCalls_SecretArguments_AppearNowhereInPrometheusInMemoryOpenTelemetryOrLogs()
    {
        var meterName = "Interception.Reliability.Privacy." + Guid.NewGuid().ToString("N");
        using var export = new OpenTelemetryExport(meterName);
        var logs = new RecordingLoggerFactory();
        using var container = MetricsContainer.Build(
            b =>
            {
                b.RegisterInstance(logs).As<ILoggerFactory>();
                b.RegisterType<AccountService>().As<IAccountService>();
            },
            ("Metrics:Backends:Meter:Enabled", "true"),
            ("Metrics:Backends:Meter:MeterName", meterName));

        await AccountCalls.RunAsync(container.Resolve<IAccountService>());
        export.Flush();

        var exposition = container.Resolve<MetricsCollectorService>().GetMetricsOutput();
        Assert.Contains("function=\"AccountService.Login\"", exposition, StringComparison.Ordinal);
        Assert.Contains("endpoint=\"/accounts\",status=\"201\"", exposition, StringComparison.Ordinal);
        Assert.Contains("function=\"AccountService.Notify\",status=\"success\",channel=\"email\"", exposition, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, exposition, StringComparison.Ordinal);

        var memory = container.Memory();
        var recorded = memory.Definitions.SelectMany(d => memory.GetSamples(d.Name)).SelectMany(s => s.Labels.Keys.Concat(s.Labels.Values)).ToArray();
        Assert.Contains("AccountService.Login", recorded);
        Assert.DoesNotContain(recorded, v => v.Contains(Secret, StringComparison.Ordinal));

        var exported = export.AllNamesAndTagValues().ToArray();
        Assert.Contains("/accounts", exported);
        Assert.DoesNotContain(exported, v => v.Contains(Secret, StringComparison.Ordinal));

        Assert.DoesNotContain(logs.Messages, m => m.Contains(Secret, StringComparison.Ordinal));
    }

    [PeerFact]
    public async Task TimedCalls_SecretArguments_AppearNowhereInStatsD()
    {
        var installation = StatsDInstallation.Locate();

        await using var daemon = await StatsDDaemon.StartAsync(installation, output);
        await using (var container = MetricsContainer.Build(
            b => b.RegisterType<AccountService>().As<IAccountService>(),
            ("Metrics:Backends:StatsD:Enabled", "true"),
            ("Metrics:Backends:StatsD:Port", daemon.Port.ToString(CultureInfo.InvariantCulture))))
        {
            await AccountCalls.RunAsync(container.Resolve<IAccountService>());
        }

        const string Login = "function_calls_total;function=AccountService.Login;status=success";
        Assert.True(
            await StatsDDaemon.EventuallyAsync(async () => (await daemon.CountersAsync()).GetValueOrDefault(Login) == 1, TimeSpan.FromSeconds(20)),
            "the daemon did not receive the calls");
        foreach (var dump in (string[])["counters", "gauges", "timers"])
        {
            var text = await daemon.QueryAsync(dump);
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        }
    }
}
