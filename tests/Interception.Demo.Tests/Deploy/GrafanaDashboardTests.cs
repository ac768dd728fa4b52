using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace Interception.Demo.Tests.Deploy;

/// <summary>
/// The shipped Grafana dashboard: every query is PromQL that a real Prometheus accepts once the Grafana variables
/// are substituted, it covers the metric catalogue, and its data source is a variable.
/// </summary>
public sealed class GrafanaDashboardTests(ITestOutputHelper output)
{
    private const string EmptyConfiguration = "global:\n  scrape_interval: 15s\n";

    private static readonly string[] Catalogue =
    [
        "function_calls_total", "function_duration_seconds_bucket", "function_calls_in_progress",
        "http_requests_total", "http_request_duration_seconds_bucket", "http_requests_in_progress",
        "database_queries_total", "database_query_duration_seconds_bucket", "database_queries_in_progress",
        "database_connections_active",
        "telegram_api_requests_total", "telegram_api_request_duration_seconds_bucket", "telegram_api_requests_in_progress",
        "telegram_updates_total",
        "background_tasks_total", "background_task_duration_seconds_bucket", "background_tasks_in_progress",
        "background_workers_active",
        "health_check_status", "system_memory_usage_percent", "system_cpu_usage_percent", "system_disk_usage_percent",
        "metrics_backend_errors_total", "metrics_backend_dropped_total", "metrics_cardinality_overflow_total", "app_info",
    ];

    private static readonly GrafanaDashboard Dashboard = GrafanaDashboard.Load(DeployFiles.Dashboard);

    [PeerFact]
    public async Task Expressions_GrafanaVariablesSubstituted_RealPrometheusParsesEach()
    {
        var binary = ExternalTool.Find("prometheus");

        using var prometheus = await PrometheusServerProcess.StartAsync(binary, EmptyConfiguration);
        var rejected = new List<string>();
        foreach (var target in Dashboard.Targets)
        {
            var response = await prometheus.QueryAsync(GrafanaVariables.Substitute(target.Expression));
            if (response.StatusCode != HttpStatusCode.OK || !response.Success)
            {
                rejected.Add($"{target}{Environment.NewLine}  -> HTTP {(int)response.StatusCode} {response.Body}");
            }
        }

        output.WriteLine($"{Dashboard.Targets.Count} expressions sent to Prometheus.");
        Assert.NotEmpty(Dashboard.Targets);
        Assert.True(rejected.Count == 0, string.Join(Environment.NewLine, rejected));
    }

    [PeerFact]
    public async Task FailureAndOverflowExpressions_NothingEverFailed_StillReturnASeries()
    {
        // Failed calls, 5xx answers, backend errors and overflows have no series until the first one happens, and
        // backend drops none in an application without StatsD: their panels must still show a line (at 0) rather
        // than "No data".
        var binary = ExternalTool.Find("prometheus");

        var onlyOnFailure = Dashboard.Targets
            .Where(target => target.Expression.Contains("status=\"failed\"", StringComparison.Ordinal)
                || target.Expression.Contains("status=~\"5..\"", StringComparison.Ordinal)
                || target.Expression.Contains("metrics_backend_errors_total", StringComparison.Ordinal)
                || target.Expression.Contains("metrics_backend_dropped_total", StringComparison.Ordinal)
                || target.Expression.Contains("metrics_cardinality_overflow_total", StringComparison.Ordinal))
            .ToArray();
        using var prometheus = await PrometheusServerProcess.StartAsync(binary, EmptyConfiguration);
        var empty = new List<string>();
        foreach (var target in onlyOnFailure)
        {
            var response = await prometheus.QueryAsync(GrafanaVariables.Substitute(target.Expression));
            if (!response.Success || response.SeriesCount == 0)
            {
                empty.Add($"{target}{Environment.NewLine}  -> {response.Body}");
            }
        }

        Assert.Equal(8, onlyOnFailure.Length);
        Assert.True(empty.Count == 0, string.Join(Environment.NewLine, empty));
    }

    [Fact]
    public void Expressions_UseOnlyKnownGrafanaVariables()
    {
        var unknown = Dashboard.Targets
            .Where(target => GrafanaVariables.Substitute(target.Expression).Contains('$', StringComparison.Ordinal))
            .Select(target => target.ToString())
            .ToArray();

        Assert.Empty(unknown);
        Assert.Contains(Dashboard.Targets, target => target.Expression.Contains("[$__rate_interval]", StringComparison.Ordinal));
    }

    [Fact]
    public void Expressions_CoverTheMetricCatalogue()
    {
        var missing = Catalogue
            .Where(metric => !Dashboard.Targets.Any(target => target.Expression.Contains(metric + "{", StringComparison.Ordinal)))
            .ToArray();

        Assert.Empty(missing);
    }

    [Fact]
    public void Datasource_PrometheusTemplateVariable_UsedByEveryPanelAndQuery()
    {
        var variables = Dashboard.Root.GetProperty("templating").GetProperty("list").EnumerateArray().ToArray();
        var datasource = Assert.Single(variables, variable => variable.GetProperty("name").GetString() == "datasource");
        Assert.Equal("datasource", datasource.GetProperty("type").GetString());
        Assert.Equal("prometheus", datasource.GetProperty("query").GetString());

        var panels = Dashboard.Panels.Where(panel => panel.GetProperty("type").GetString() != "row").ToArray();
        Assert.NotEmpty(panels);
        Assert.All(panels, panel => Assert.Equal("${datasource}", GrafanaDashboard.DatasourceUid(panel)));
        Assert.All(Dashboard.Targets, target => Assert.Equal("${datasource}", target.DatasourceUid));
        Assert.All(
            variables.Where(variable => variable.GetProperty("type").GetString() == "query"),
            variable => Assert.Equal("${datasource}", GrafanaDashboard.DatasourceUid(variable)));
    }

    [Fact]
    public void Panels_UniqueIdsAndRefIdsAndEachWithAQuery()
    {
        var ids = Dashboard.Panels.Select(panel => panel.GetProperty("id").GetInt32()).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());

        var panels = Dashboard.Panels.Where(panel => panel.GetProperty("type").GetString() != "row").ToArray();
        Assert.All(panels, panel => Assert.Contains(Dashboard.Targets, target => target.PanelId == panel.GetProperty("id").GetInt32()));
        Assert.All(
            Dashboard.Targets.GroupBy(target => target.PanelId),
            queries => Assert.Equal(queries.Count(), queries.Select(target => target.RefId).Distinct(StringComparer.Ordinal).Count()));
        Assert.True(Dashboard.Root.GetProperty("schemaVersion").GetInt32() >= 39, "schemaVersion of a current Grafana");
        Assert.Equal(JsonValueKind.Null, Dashboard.Root.GetProperty("id").ValueKind);
    }
}
