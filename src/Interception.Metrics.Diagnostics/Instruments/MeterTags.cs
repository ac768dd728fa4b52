using System.Diagnostics;

namespace Interception.Metrics.Diagnostics.Instruments;

/// <summary>Builds a series' tags once: its labels in definition order, then its constant labels.</summary>
internal static class MeterTags
{
    public static TagList Build(
        IReadOnlyList<string> labelNames,
        IReadOnlyList<string> labelValues,
        IReadOnlyList<KeyValuePair<string, string>> constantLabels)
    {
        var tags = default(TagList);
        for (var i = 0; i < labelNames.Count; i++)
        {
            tags.Add(labelNames[i], labelValues[i]);
        }

        foreach (var (key, value) in constantLabels)
        {
            tags.Add(key, value);
        }

        return tags;
    }
}
