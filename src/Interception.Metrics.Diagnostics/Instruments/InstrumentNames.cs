namespace Interception.Metrics.Diagnostics.Instruments;

/// <summary>
/// Maps Prometheus-style metric names onto instrument names OpenTelemetry accepts
/// (<c>[a-zA-Z][a-zA-Z0-9_.\-/]*</c>): a colon becomes an underscore, and a name that does not start with a letter
/// gets an <c>m</c> in front. Catalogue names pass through unchanged.
/// </summary>
internal static class InstrumentNames
{
    public static string From(string metricName)
    {
        var name = metricName.Replace(':', '_');
        return name.Length > 0 && char.IsAsciiLetter(name[0]) ? name : "m" + name;
    }

    /// <summary>The unit of a histogram: <c>s</c> for a duration named <c>..._seconds</c>, none otherwise.</summary>
    public static string? HistogramUnit(string metricName) =>
        metricName.EndsWith("_seconds", StringComparison.Ordinal) ? "s" : null;
}
