using System.Text;

namespace Interception.Metrics.StatsD.Protocol;

/// <summary>
/// Builds the constant parts of DogStatsD lines (<c>name:</c> before the value, <c>|type|#k:v,...</c> after
/// it) and sanitizes everything that goes into them, so that no name or label value can break a line.
/// </summary>
internal static class StatsDLineFormat
{
    /// <summary>Longest tag value kept, in characters (the DogStatsD agent's tag limit); longer ones are cut.</summary>
    public const int MaxTagValueLength = 200;

    private const string SecondsSuffix = "_seconds";

    /// <summary>Replaces every character that has a meaning in the protocol (<c>: | @ # ,</c>), and every control character, with <c>_</c>.</summary>
    public static string Sanitize(string value, int maxLength = int.MaxValue)
    {
        if (value.Length > maxLength)
        {
            value = value[..maxLength];
            if (char.IsHighSurrogate(value[^1]))
            {
                value = value[..^1];
            }
        }

        return string.Create(value.Length, value, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = IsReserved(c) ? '_' : c;
            }
        });
    }

    /// <summary>The prefix as it goes before a metric name: empty, or sanitized and ending with a dot.</summary>
    public static string NormalizePrefix(string prefix)
    {
        if (string.IsNullOrEmpty(prefix))
        {
            return string.Empty;
        }

        var sanitized = Sanitize(prefix);
        return sanitized.EndsWith('.') ? sanitized : sanitized + ".";
    }

    /// <summary>The UTF-8 bytes before the value: <c>{prefix}{name}:</c>, with the StatsD name of the metric.</summary>
    public static byte[] Head(string prefix, MetricDefinition definition) => Encoding.UTF8.GetBytes(prefix + Sanitize(NameOf(definition)) + ":");

    /// <summary>
    /// Whether the metric is a duration in seconds (a histogram or summary named <c>..._seconds</c>): it is sent as a
    /// StatsD timer, in milliseconds. Any other histogram or summary is sent with the values as recorded.
    /// </summary>
    public static bool IsDuration(MetricDefinition definition) =>
        definition.Type is MetricType.Histogram or MetricType.Summary
        && definition.Name.Length > SecondsSuffix.Length
        && definition.Name.EndsWith(SecondsSuffix, StringComparison.Ordinal);

    /// <summary>
    /// The metric's name on the wire: a duration drops its <c>_seconds</c> suffix, since a StatsD timer is in
    /// milliseconds (<c>function_duration:12.5|ms</c>); every other name is kept.
    /// </summary>
    public static string NameOf(MetricDefinition definition) =>
        IsDuration(definition) ? definition.Name[..^SecondsSuffix.Length] : definition.Name;

    /// <summary>The UTF-8 bytes after the value: <c>|{type}</c>, then <c>|#k:v,...</c> when there are tags.</summary>
    public static byte[] Tail(
        string type,
        IReadOnlyList<string> labelNames,
        IReadOnlyList<string> labelValues,
        IReadOnlyList<KeyValuePair<string, string>> constantLabels)
    {
        var line = new StringBuilder("|").Append(type);
        var separator = "|#";
        for (var i = 0; i < labelNames.Count; i++)
        {
            AppendTag(line, separator, labelNames[i], labelValues[i]);
            separator = ",";
        }

        foreach (var (key, value) in constantLabels)
        {
            AppendTag(line, separator, key, value);
            separator = ",";
        }

        return Encoding.UTF8.GetBytes(line.ToString());
    }

    /// <summary>The type of a metric on the wire: <c>c</c>, <c>g</c> or <c>ms</c> (histograms and summaries are timers).</summary>
    public static string TypeOf(MetricType type) => type switch
    {
        MetricType.Counter => "c",
        MetricType.Gauge => "g",
        _ => "ms",
    };

    private static void AppendTag(StringBuilder line, string separator, string key, string? value) =>
        line.Append(separator)
            .Append(Sanitize(key))
            .Append(':')
            .Append(Sanitize(value ?? string.Empty, MaxTagValueLength));

    private static bool IsReserved(char c) =>
        c is ':' or '|' or '@' or '#' or ',' || char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085';
}
