using System.Globalization;
using System.Text;

namespace Interception.Metrics.Reliability.Tests.TestSupport;

/// <summary>
/// A strict reader of the Prometheus text format 0.0.4: every sample line must parse (label values quoted, with
/// only <c>\\</c>, <c>\"</c> and <c>\n</c> escapes), or it throws <see cref="FormatException"/>.
/// </summary>
internal sealed class PrometheusExposition
{
    private PrometheusExposition(IReadOnlyList<PrometheusSample> samples)
    {
        Samples = samples;
    }

    public IReadOnlyList<PrometheusSample> Samples { get; }

    public static PrometheusExposition Parse(string text)
    {
        var samples = new List<PrometheusSample>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length > 0 && line[0] != '#')
            {
                samples.Add(ParseLine(line));
            }
        }

        return new PrometheusExposition(samples);
    }

    /// <summary>Every sample named <paramref name="name"/> (such as <c>function_calls_total</c> or <c>function_duration_seconds_count</c>).</summary>
    public IReadOnlyList<PrometheusSample> Named(string name) => [.. Samples.Where(s => s.Name == name)];

    /// <summary>The value of the sample with exactly these labels; 0 when there is none.</summary>
    public double Value(string name, params (string Name, string Value)[] labels) =>
        Samples.FirstOrDefault(s => s.Name == name && s.HasLabels(labels))?.Value ?? 0;

    /// <summary>The sum of every sample named <paramref name="name"/>.</summary>
    public double Sum(string name) => Samples.Where(s => s.Name == name).Sum(s => s.Value);

    private static PrometheusSample ParseLine(string line)
    {
        var position = 0;
        while (position < line.Length && line[position] is not ('{' or ' '))
        {
            position++;
        }

        var name = line[..position];
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (position < line.Length && line[position] == '{')
        {
            position++;
            while (line[position] != '}')
            {
                var equals = line.IndexOf('=', position);
                if (equals < 0 || line[equals + 1] != '"')
                {
                    throw new FormatException($"Malformed label in: {line}");
                }

                var labelName = line[position..equals];
                position = equals + 2;
                var value = new StringBuilder();
                while (line[position] != '"')
                {
                    if (line[position] == '\\')
                    {
                        position++;
                        value.Append(line[position] switch
                        {
                            '\\' => '\\',
                            '"' => '"',
                            'n' => '\n',
                            var other => throw new FormatException($"Unknown escape \\{other} in: {line}"),
                        });
                    }
                    else
                    {
                        value.Append(line[position]);
                    }

                    position++;
                }

                if (!labels.TryAdd(labelName, value.ToString()))
                {
                    throw new FormatException($"Label {labelName} twice in: {line}");
                }

                position++;
                if (line[position] == ',')
                {
                    position++;
                }
            }

            position++;
        }

        var fields = line[position..].Trim().Split(' ');
        var number = fields[0] switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            var text => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        return new PrometheusSample(name, labels, number);
    }
}
