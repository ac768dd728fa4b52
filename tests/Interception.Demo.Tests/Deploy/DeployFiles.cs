namespace Interception.Demo.Tests.Deploy;

/// <summary>The shipped ops files, copied beside the tests from the repository's <c>deploy/</c> folder (see the project file).</summary>
internal static class DeployFiles
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "deploy");

    public static string PrometheusConfig { get; } = Path.Combine(Root, "prometheus", "prometheus.yml");

    public static string Rules { get; } = Path.Combine(Root, "prometheus", "rules.yml");

    public static string RuleTests { get; } = Path.Combine(Root, "prometheus", "rules.test.yml");

    public static string Dashboard { get; } = Path.Combine(Root, "grafana", "interception-dashboard.json");
}
