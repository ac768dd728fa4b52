using System.Diagnostics;
using System.Globalization;
using System.Net;
using Interception.Demo.Tests.TestSupport;
using Xunit.Abstractions;

namespace Interception.Demo.Tests.Deploy;

/// <summary>
/// The ops pack against the demo: the demo runs with its load, a real Prometheus scrapes it with the shipped
/// <c>prometheus.yml</c> (address and intervals substituted) and evaluates the shipped <c>rules.yml</c>, and every
/// query of the shipped Grafana dashboard returns data.
/// </summary>
public sealed class DashboardEndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeSpan DataTimeout = TimeSpan.FromSeconds(60);

    [PeerFact]
    public async Task Dashboard_PrometheusScrapingTheDemo_EveryQueryReturnsDataAndEveryRuleEvaluates()
    {
        var binary = ExternalTool.Find("prometheus");
        var dashboard = GrafanaDashboard.Load(DeployFiles.Dashboard);
        await using var demo = await RunningDemo.StartAsync();
        var target = $"127.0.0.1:{demo.Port.ToString(CultureInfo.InvariantCulture)}";
        var configuration = ShippedPrometheusConfig.ForTarget(target, "1s");
        using var prometheus = await PrometheusServerProcess.StartAsync(
            binary, configuration, new Dictionary<string, string> { ["rules.yml"] = File.ReadAllText(DeployFiles.Rules) });

        var (empty, rejected) = await QueryUntilEveryExpressionHasDataAsync(prometheus, dashboard);
        var rules = await EvaluatedRulesAsync(prometheus);
        var exitCode = await demo.StopAsync();

        output.WriteLine($"{dashboard.Targets.Count} dashboard queries, {rules.Count} rules; without data: {string.Join("; ", empty)}");
        Assert.True(rejected.Count == 0, "Prometheus rejected:" + Environment.NewLine + string.Join(Environment.NewLine, rejected));
        Assert.True(empty.Count == 0, "No data for:" + Environment.NewLine + string.Join(Environment.NewLine, empty) + Environment.NewLine + prometheus.Log);
        Assert.Equal(PrometheusRulesTests.RuleNames().Order(StringComparer.Ordinal), rules.Select(rule => rule.Name).Order(StringComparer.Ordinal));
        Assert.All(rules, rule => Assert.True(rule.Health == "ok", rule.ToString()));
        Assert.Equal(0, exitCode);
    }

    /// <summary>The rules once each has been evaluated at least once (health no longer <c>unknown</c>), or as they are after 30 s.</summary>
    private static async Task<IReadOnlyList<RuleHealth>> EvaluatedRulesAsync(PrometheusServerProcess prometheus)
    {
        var clock = Stopwatch.StartNew();
        var rules = await prometheus.RuleHealthAsync();
        while (rules.Any(rule => rule.Health == "unknown") && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(250);
            rules = await prometheus.RuleHealthAsync();
        }

        return rules;
    }

    /// <summary>
    /// Sends every dashboard query until each returns at least one series (or the time is up): a rate needs two scrapes
    /// of a series, a background task's first run takes a few seconds. Returns the queries still without data and those
    /// Prometheus refused.
    /// </summary>
    private async Task<(IReadOnlyList<DashboardTarget> Empty, IReadOnlyList<string> Rejected)> QueryUntilEveryExpressionHasDataAsync(
        PrometheusServerProcess prometheus, GrafanaDashboard dashboard)
    {
        var clock = Stopwatch.StartNew();
        var pending = dashboard.Targets.ToList();
        var rejected = new List<string>();
        while (true)
        {
            var empty = new List<DashboardTarget>();
            foreach (var target in pending)
            {
                var response = await prometheus.QueryAsync(GrafanaVariables.Substitute(target.Expression));
                if (response.StatusCode != HttpStatusCode.OK || !response.Success)
                {
                    rejected.Add($"{target}{Environment.NewLine}  -> HTTP {(int)response.StatusCode} {response.Body}");
                }
                else if (response.SeriesCount == 0)
                {
                    empty.Add(target);
                }
            }

            if (rejected.Count > 0 || empty.Count == 0 || clock.Elapsed > DataTimeout)
            {
                output.WriteLine($"Queried for {clock.Elapsed.TotalSeconds:0.0} s.");
                return (empty, rejected);
            }

            pending = empty;
            await Task.Delay(500);
        }
    }
}
