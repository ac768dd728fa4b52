using System.Collections.Immutable;

namespace Interception.Metrics.Generators.Diagnostics;

/// <summary>
/// The runtime's rules for label names and <c>Labels</c> entries, ported (the analyzer cannot load the runtime
/// assembly): <c>MetricNameRules.IsValidLabelName</c>, <c>TimingAttributes.ParseLabels</c> and the labels each
/// kind's catalogue metrics have already. A test holds both to the same table of inputs.
/// </summary>
internal static class LabelRules
{
    public const string NameRule = "[a-zA-Z_][a-zA-Z0-9_]* (not starting with '__')";

    /// <summary>The most [MetricLabel] parameters one method may have (the runtime's <c>ArgumentLabels.MaxPerMethod</c>).</summary>
    public const int MaxArgumentLabels = 8;

    private static readonly ImmutableArray<string> FunctionLabels = ImmutableArray.Create("function", "status", "le");
    private static readonly ImmutableArray<string> HttpLabels = ImmutableArray.Create("method", "endpoint", "status", "le");
    private static readonly ImmutableArray<string> DatabaseLabels = ImmutableArray.Create("operation", "status", "le");
    private static readonly ImmutableArray<string> TelegramApiLabels = ImmutableArray.Create("method", "status", "le");
    private static readonly ImmutableArray<string> BackgroundTaskLabels = ImmutableArray.Create("task_name", "status", "le");

    /// <summary>Whether <paramref name="label"/> is a Prometheus label name: [a-zA-Z_][a-zA-Z0-9_]*, not starting with "__".</summary>
    public static bool IsValidLabelName(string label)
    {
        if (label.Length == 0 || !(IsLetter(label[0]) || label[0] == '_') || label.StartsWith("__", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in label)
        {
            if (!(IsLetter(c) || IsDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Parses one <c>Labels</c> entry as the runtime does: the key is the text before the first '=', trimmed; the value
    /// is everything after it, as it is.
    /// </summary>
    /// <returns>The key, or <see langword="null"/> with the reason when the runtime refuses the entry.</returns>
    public static (string? Key, string? Problem) ParseEntry(string? entry)
    {
        if (entry is null)
        {
            return (null, "it is null");
        }

        var separator = entry.IndexOf('=');
        if (separator < 0)
        {
            return (null, "it has no '=' between key and value");
        }

        var key = entry.Substring(0, separator).Trim();
        if (separator == 0 || key.Length == 0)
        {
            return (null, "it has no key before '='");
        }

        return IsValidLabelName(key) ? (key, null) : (null, $"its key '{key}' is not a valid label name {NameRule}");
    }

    /// <summary>The labels the catalogue metrics of a kind have already (with <c>status</c> and a histogram's <c>le</c>).</summary>
    /// <param name="kind">The name of the <c>MetricKind</c> member.</param>
    public static ImmutableArray<string> Reserved(string kind) => kind switch
    {
        "Http" => HttpLabels,
        "Database" => DatabaseLabels,
        "TelegramApi" => TelegramApiLabels,
        "BackgroundTask" => BackgroundTaskLabels,
        _ => FunctionLabels,
    };

    /// <summary>The label that carries the operation's Name for a kind.</summary>
    public static string NameLabel(string kind) => kind switch
    {
        "Http" => "endpoint",
        "Database" => "operation",
        "TelegramApi" => "method",
        "BackgroundTask" => "task_name",
        _ => "function",
    };

    /// <summary>
    /// A valid label name close to <paramref name="text"/> (each character a label cannot hold becomes '_', a leading
    /// digit gets a '_' before it, leading underscores shrink to one), or <see langword="null"/> when there is none or
    /// it is the text itself.
    /// </summary>
    public static string? Suggest(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        var chars = new char[trimmed.Length];
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            chars[i] = IsLetter(c) || IsDigit(c) ? c : '_';
        }

        var suggestion = new string(chars);
        if (IsDigit(suggestion[0]))
        {
            suggestion = "_" + suggestion;
        }

        if (suggestion.StartsWith("__", StringComparison.Ordinal))
        {
            suggestion = "_" + suggestion.TrimStart('_');
        }

        return suggestion != text && suggestion.Trim('_').Length > 0 && IsValidLabelName(suggestion) ? suggestion : null;
    }

    private static bool IsLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    private static bool IsDigit(char c) => c is >= '0' and <= '9';
}
