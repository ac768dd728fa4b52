namespace Interception.Demo.Tests.Deploy;

/// <summary>One query of a dashboard panel: the PromQL exactly as Grafana stores it, with Grafana variables in it.</summary>
internal sealed record DashboardTarget(int PanelId, string PanelTitle, string RefId, string Expression, string? DatasourceUid)
{
    public override string ToString() => $"panel {PanelId} '{PanelTitle}' {RefId}: {Expression}";
}
