namespace Interception.Metrics.Reliability.Tests.TestSupport;

/// <summary>One sample line of a Prometheus text exposition, with its label values unescaped.</summary>
internal sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    /// <summary>Whether the sample has exactly <paramref name="labels"/>, no more, no fewer.</summary>
    public bool HasLabels(params (string Name, string Value)[] labels) =>
        Labels.Count == labels.Length && labels.All(l => Labels.TryGetValue(l.Name, out var value) && value == l.Value);

    public string Label(string name) => Labels.TryGetValue(name, out var value) ? value : string.Empty;
}
