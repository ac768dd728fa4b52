using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Xunit.Abstractions;

namespace Interception.Demo.Tests.Deploy;

/// <summary>A real Prometheus started with the shipped <c>prometheus.yml</c> loads <c>rules.yml</c> beside it and evaluates every rule.</summary>
public sealed class PrometheusConfigTests(ITestOutputHelper output)
{
    private static readonly TimeSpan EvaluationTimeout = TimeSpan.FromSeconds(30);

    [PeerFact]
    public async Task ShippedConfig_RealPrometheus_LoadsEveryRuleAndEvaluatesItWithoutError()
    {
        var binary = ExternalTool.Find("prometheus");

        // Nothing listens on the target: the rules then evaluate on an empty TSDB, which must not be an error either.
        var configuration = ShippedPrometheusConfig.ForTarget($"127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}", "1s");
        var files = new Dictionary<string, string> { ["rules.yml"] = File.ReadAllText(DeployFiles.Rules) };
        using var prometheus = await PrometheusServerProcess.StartAsync(binary, configuration, files);

        var rules = await WaitUntilEvaluatedAsync(prometheus);

        output.WriteLine(string.Join(Environment.NewLine, rules.Select(rule => $"{rule.Name}: {rule.Health} {rule.LastError}")));
        Assert.Equal(PrometheusRulesTests.RuleNames().Order(StringComparer.Ordinal), rules.Select(rule => rule.Name).Order(StringComparer.Ordinal));
        Assert.All(rules, rule => Assert.True(rule.Health == "ok", $"{rule.Name}: {rule.Health} {rule.LastError}"));
    }

    private static async Task<IReadOnlyList<(string Name, string Health, string LastError)>> WaitUntilEvaluatedAsync(PrometheusServerProcess prometheus)
    {
        var deadline = Stopwatch.StartNew();
        IReadOnlyList<(string Name, string Health, string LastError)> rules = [];
        while (deadline.Elapsed < EvaluationTimeout)
        {
            using var document = JsonDocument.Parse(await prometheus.RulesAsync());
            rules = document.RootElement.GetProperty("data").GetProperty("groups").EnumerateArray()
                .SelectMany(group => group.GetProperty("rules").EnumerateArray())
                .Select(rule => (
                    rule.GetProperty("name").GetString() ?? string.Empty,
                    rule.GetProperty("health").GetString() ?? string.Empty,
                    rule.TryGetProperty("lastError", out var error) ? error.GetString() ?? string.Empty : string.Empty))
                .ToArray();
            // Rule files are loaded before the server reports ready: no rule at all is an answer too.
            if (rules.All(rule => rule.Health != "unknown"))
            {
                return rules;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException(
            $"Prometheus did not evaluate every rule within {EvaluationTimeout}: " +
            string.Join(", ", rules.Select(rule => $"{rule.Name}={rule.Health}")) + Environment.NewLine + prometheus.Log);
    }
}
