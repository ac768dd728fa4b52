using System.Globalization;

namespace Interception.Demo.Tests.TestSupport;

/// <summary>A Prometheus text exposition, read the way a scraper reads it: one sample per line, <c>name{labels} value</c>.</summary>
internal sealed class MetricsText(string text)
{
    public string Text { get; } = text;

    /// <summary>The value of the sample whose name and labels are exactly <paramref name="series"/>, or 0 when there is none.</summary>
    public double Value(string series) => Samples().Where(sample => sample.Series == series).Select(sample => sample.Value).SingleOrDefault();

    /// <summary>The sum of every sample of <paramref name="name"/> whose labels contain all of <paramref name="labels"/> (each <c>key="value"</c>).</summary>
    public double Sum(string name, params string[] labels) =>
        Samples()
            .Where(sample => sample.Series.StartsWith(name + "{", StringComparison.Ordinal) || sample.Series == name)
            .Where(sample => labels.All(label => sample.Series.Contains(label, StringComparison.Ordinal)))
            .Sum(sample => sample.Value);

    /// <summary>Whether <paramref name="name"/> has a sample (with any labels and any value; a histogram counts by its <c>_count</c>).</summary>
    public bool HasSample(string name) =>
        Samples().Any(sample => sample.Series == name || sample.Series.StartsWith(name + "{", StringComparison.Ordinal) || sample.Series.StartsWith(name + "_count", StringComparison.Ordinal));

    public override string ToString() => Text;

    private IEnumerable<(string Series, double Value)> Samples() =>
        Text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith('#'))
            .Select(line =>
            {
                var space = line.LastIndexOf(' ');
                return (line[..space], double.Parse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture));
            });
}
