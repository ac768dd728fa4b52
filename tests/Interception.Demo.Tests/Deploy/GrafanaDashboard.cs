using System.Text.Json;

namespace Interception.Demo.Tests.Deploy;

/// <summary>A Grafana dashboard JSON file: its root object, every panel (rows' nested panels included) and every query.</summary>
internal sealed class GrafanaDashboard
{
    private GrafanaDashboard(JsonElement root, IReadOnlyList<JsonElement> panels, IReadOnlyList<DashboardTarget> targets)
    {
        Root = root;
        Panels = panels;
        Targets = targets;
    }

    public JsonElement Root { get; }

    /// <summary>Every panel, rows included, in file order.</summary>
    public IReadOnlyList<JsonElement> Panels { get; }

    /// <summary>Every query that has an <c>expr</c>.</summary>
    public IReadOnlyList<DashboardTarget> Targets { get; }

    public static GrafanaDashboard Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement.Clone();
        var panels = new List<JsonElement>();
        Collect(root, panels);
        var targets = panels
            .Where(panel => panel.TryGetProperty("targets", out _))
            .SelectMany(panel => panel.GetProperty("targets").EnumerateArray()
                .Where(target => target.TryGetProperty("expr", out _))
                .Select(target => new DashboardTarget(
                    panel.GetProperty("id").GetInt32(),
                    panel.GetProperty("title").GetString() ?? string.Empty,
                    target.GetProperty("refId").GetString() ?? string.Empty,
                    target.GetProperty("expr").GetString() ?? string.Empty,
                    DatasourceUid(target))))
            .ToArray();
        return new GrafanaDashboard(root, panels, targets);
    }

    /// <summary>The <c>uid</c> of an element's <c>datasource</c> object, or <see langword="null"/> when it has none.</summary>
    public static string? DatasourceUid(JsonElement element) =>
        element.TryGetProperty("datasource", out var datasource)
        && datasource.ValueKind == JsonValueKind.Object
        && datasource.TryGetProperty("uid", out var uid)
            ? uid.GetString()
            : null;

    private static void Collect(JsonElement parent, List<JsonElement> panels)
    {
        if (!parent.TryGetProperty("panels", out var children))
        {
            return;
        }

        foreach (var panel in children.EnumerateArray())
        {
            panels.Add(panel);
            Collect(panel, panels);
        }
    }
}
