using System.Collections.Frozen;

namespace Interception.Metrics.Custom;

/// <summary>
/// The names custom metrics cannot take: every catalogue metric (the Telegram-bot part and the in-progress gauges
/// included, declared or not), the self-metrics, and every series name those expose (<c>_bucket</c>,
/// <c>_sum</c>, <c>_count</c> of a histogram; a counter's name with and without <c>_total</c>, as OpenMetrics writes
/// it). A custom metric is refused when any name it would expose is one of them.
/// </summary>
internal static class ReservedMetricNames
{
    // Sent by the StatsD backend to its agent (a package the core does not reference).
    private static readonly (string Name, MetricType Type)[] Outside = [("statsd_dropped_total", MetricType.Counter)];

    private static readonly FrozenDictionary<string, string> Owners = Build();

    /// <summary>
    /// The catalogue metric one of whose exposed names <paramref name="name"/> (of <paramref name="type"/>) would
    /// clash with, or <see langword="null"/> when the name is free.
    /// </summary>
    public static string? Conflict(string name, MetricType type)
    {
        foreach (var exposed in ExposedNames(name, type))
        {
            if (Owners.TryGetValue(exposed, out var owner))
            {
                return owner;
            }
        }

        return null;
    }

    private static FrozenDictionary<string, string> Build()
    {
        var catalogue = MetricCatalogue.Collector()
            .Concat(MetricCatalogue.Telegram())
            .Concat(MetricCatalogue.Business)
            .Concat(MetricCatalogue.Health)
            .Concat(MetricCatalogue.System)
            .Concat(MetricCatalogue.SelfMetrics)
            .Concat(Enum.GetValues<MetricKind>().Select(MetricCatalogue.InProgress))
            .Select(d => (d.Name, d.Type))
            .Concat(Outside);
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, type) in catalogue)
        {
            foreach (var exposed in ExposedNames(name, type))
            {
                owners.TryAdd(exposed, name);
            }
        }

        return owners.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string[] ExposedNames(string name, MetricType type) => type switch
    {
        MetricType.Counter when name.EndsWith("_total", StringComparison.Ordinal) => [name, name[..^"_total".Length]],
        MetricType.Counter => [name, name + "_total"],
        MetricType.Histogram => [name, name + "_bucket", name + "_sum", name + "_count"],
        MetricType.Summary => [name, name + "_sum", name + "_count"],
        _ => [name],
    };
}
