using System.Globalization;

namespace Interception.Metrics.Definitions;

/// <summary>The Prometheus data model's rules for metric names, label names and histogram buckets.</summary>
internal static class MetricNameRules
{
    public static string ValidateMetricName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!IsValidMetricName(name))
        {
            throw new ArgumentException(
                $"Invalid metric name '{name}': a metric name must match [a-zA-Z_:][a-zA-Z0-9_:]*.", nameof(name));
        }

        return name;
    }

    public static IReadOnlyList<string> ValidateLabelNames(string metricName, MetricType type, IReadOnlyList<string>? labelNames)
    {
        if (labelNames is null || labelNames.Count == 0)
        {
            return [];
        }

        var copy = labelNames.ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var label in copy)
        {
            ValidateLabelName(metricName, label);
            if (type == MetricType.Histogram && label == "le")
            {
                throw new ArgumentException(
                    $"Invalid label name 'le' on histogram '{metricName}': 'le' is reserved for bucket bounds.", "labelNames");
            }

            if (!seen.Add(label))
            {
                throw new ArgumentException(
                    $"Duplicate label name '{label}' on metric '{metricName}'.", "labelNames");
            }
        }

        return copy;
    }

    public static void ValidateLabelName(string metricName, string? label)
    {
        if (label is null || !IsValidLabelName(label))
        {
            throw new ArgumentException(
                $"Invalid label name '{label}' on metric '{metricName}': a label name must match [a-zA-Z_][a-zA-Z0-9_]* and must not start with '__'.",
                "labelNames");
        }
    }

    public static IReadOnlyList<double>? ValidateBuckets(string metricName, IReadOnlyList<double>? buckets)
    {
        if (buckets is null)
        {
            return null;
        }

        if (buckets.Count == 0)
        {
            throw new ArgumentException($"Histogram '{metricName}' needs at least one bucket.", nameof(buckets));
        }

        var copy = buckets.ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            if (!double.IsFinite(copy[i]))
            {
                throw new ArgumentException(
                    $"Bucket {copy[i].ToString(CultureInfo.InvariantCulture)} of histogram '{metricName}' is not a finite number.", nameof(buckets));
            }

            if (i > 0 && copy[i] <= copy[i - 1])
            {
                throw new ArgumentException(
                    $"Buckets of histogram '{metricName}' must be strictly increasing: {copy[i].ToString(CultureInfo.InvariantCulture)} follows {copy[i - 1].ToString(CultureInfo.InvariantCulture)}.",
                    nameof(buckets));
            }
        }

        return copy;
    }

    public static bool IsValidMetricName(string name)
    {
        if (name.Length == 0 || !(IsLetter(name[0]) || name[0] == '_' || name[0] == ':'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(IsLetter(c) || char.IsAsciiDigit(c) || c == '_' || c == ':'))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsValidLabelName(string label)
    {
        if (label.Length == 0 || !(IsLetter(label[0]) || label[0] == '_') || label.StartsWith("__", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in label)
        {
            if (!(IsLetter(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLetter(char c) => char.IsAsciiLetter(c);
}
