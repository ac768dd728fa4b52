namespace Interception.Demo.Tests.Deploy;

/// <summary>
/// The Grafana variables the dashboard's expressions may use, and what a test puts in their place to send an
/// expression to Prometheus directly. <c>$__rate_interval</c> is the only Grafana macro (1m here); <c>$job</c> and
/// <c>$instance</c> are the dashboard's template variables, used in regular-expression matchers, replaced by their
/// "All" value <c>.*</c>. The data source (<c>${datasource}</c>) appears only in data source fields, never in a query.
/// </summary>
internal static class GrafanaVariables
{
    private static readonly (string Variable, string Value)[] Substitutions =
    [
        ("${__rate_interval}", "1m"),
        ("$__rate_interval", "1m"),
        ("${job}", ".*"),
        ("$job", ".*"),
        ("${instance}", ".*"),
        ("$instance", ".*"),
    ];

    /// <summary><paramref name="expression"/> with every known variable replaced; anything else starting with <c>$</c> is left as it is.</summary>
    public static string Substitute(string expression)
    {
        foreach (var (variable, value) in Substitutions)
        {
            expression = expression.Replace(variable, value, StringComparison.Ordinal);
        }

        return expression;
    }
}
