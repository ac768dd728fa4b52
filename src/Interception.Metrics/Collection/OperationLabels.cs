using Interception.Metrics.Definitions;

namespace Interception.Metrics.Collection;

/// <summary>
/// The labels of an operation's metrics beyond the catalogue's own: constant labels
/// (<see cref="MetricsTimerAttribute.Labels"/>) and argument labels (<see cref="MetricLabelAttribute"/>). Checked once,
/// when the operation is bound, so that no recording can fail on a label name.
/// </summary>
internal static class OperationLabels
{
    /// <summary>The label names the catalogue metrics of <paramref name="kind"/> already use (with <c>status</c> and a histogram's <c>le</c>).</summary>
    public static IReadOnlyList<string> Reserved(MetricKind kind) => kind switch
    {
        MetricKind.Http => ["method", "endpoint", "status", "le"],
        MetricKind.Database => ["operation", "status", "le"],
        MetricKind.TelegramApi => ["method", "status", "le"],
        MetricKind.BackgroundTask => ["task_name", "status", "le"],
        _ => ["function", "status", "le"],
    };

    /// <summary>Why <paramref name="label"/> cannot be an extra label of a <paramref name="kind"/> operation, or <see langword="null"/> when it can.</summary>
    public static string? Problem(MetricKind kind, string? label)
    {
        if (label is null || !MetricNameRules.IsValidLabelName(label))
        {
            return $"'{label}' is not a valid label name: it must match [a-zA-Z_][a-zA-Z0-9_]* and must not start with '__'";
        }

        return Reserved(kind).Contains(label)
            ? $"'{label}' is a label of the {kind} metrics already ({string.Join(", ", Reserved(kind).Where(l => l != "le"))})"
            : null;
    }

    /// <summary>Checks the constant and argument label names of one operation together.</summary>
    /// <exception cref="ArgumentException">A name is invalid, reserved for <paramref name="kind"/>, or given twice.</exception>
    public static void Validate(
        MetricKind kind,
        string operation,
        IReadOnlyList<KeyValuePair<string, string>>? constantLabels,
        IReadOnlyList<string>? argumentLabels)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in (constantLabels ?? []).Select(l => l.Key).Concat(argumentLabels ?? []))
        {
            if (Problem(kind, name) is { } problem)
            {
                throw new ArgumentException($"Operation '{operation}' cannot have the label {problem}.", nameof(constantLabels));
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException($"Operation '{operation}' has the label '{name}' twice.", nameof(constantLabels));
            }
        }
    }
}
