namespace Interception.Metrics.Reliability.Tests.Fixtures;

/// <summary>Label values that break naive expositions and line protocols.</summary>
public static class HostileValues
{
    /// <summary>A <see cref="MetricsTimerAttribute.Name"/> with quotes, a backslash, StatsD syntax, a newline and non-ASCII text.</summary>
    public const string AttributeName = "weird \"name\" \\ |#:,@ \n ünï 🚀";

    /// <summary>A constant label whose value has the same.</summary>
    public const string AttributeLabel = "tier=gold \"q\" \\ |#:,@ \n 日本";

    /// <summary>The value part of <see cref="AttributeLabel"/>.</summary>
    public const string AttributeLabelValue = "gold \"q\" \\ |#:,@ \n 日本";

    /// <summary>Quotes, backslashes, newlines, <c>|#:,@</c>, unicode, control characters, 10,000 characters, empty.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "quote\"d", "back\\slash", "new\nline", "cr\r\nlf", "|", "#", ":", ",", "@", "pipe|hash#colon:comma,at@",
        "k:v|#x:y,z@0.5", "ünïcødé 日本語 🚀", "tab\t nul\0 bell\a", "{a=\"b\"}", "\\n is not a newline", "line\u2028separator",
        " spaced out ", "=;", string.Empty, new string('x', 10_000),
    ];
}
