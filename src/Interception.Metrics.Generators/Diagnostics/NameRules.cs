namespace Interception.Metrics.Generators.Diagnostics;

/// <summary>
/// What makes a <c>Name</c> render other than as written. Name is a label value, which the runtime accepts whatever
/// it is; these are the values that Prometheus, StatsD or the Meter backend would show differently.
/// </summary>
internal static class NameRules
{
    /// <summary>The longest tag value StatsD keeps (the DogStatsD agent's limit, applied by the StatsD backend).</summary>
    public const int MaxStatsDLength = 200;

    /// <summary>Why <paramref name="name"/> renders badly, or <see langword="null"/> when it renders as written.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0)
        {
            return "is empty: Prometheus treats a label with an empty value as no label at all";
        }

        if (name.Trim().Length == 0)
        {
            return "is only white space, which shows as an empty label";
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsControl(c))
            {
                return "contains a control character (such as a line break), which Prometheus escapes, StatsD replaces with '_' and the Meter backend passes as it is";
            }

            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return "contains a lone surrogate, which is not valid text and is recorded as U+FFFD";
            }
        }

        if (Trimmed(name) is not null)
        {
            return "starts or ends with white space, which makes it a different series from the trimmed name";
        }

        return name.Length > MaxStatsDLength
            ? $"is longer than {MaxStatsDLength} characters, and StatsD keeps only the first {MaxStatsDLength}"
            : null;
    }

    /// <summary>The name without its leading and trailing white space, when that is all that is wrong with it.</summary>
    public static string? Trimmed(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length > 0 && trimmed.Length != name.Length ? trimmed : null;
    }
}
