namespace Interception.Metrics.Backends.Series;

/// <summary>
/// What a label value becomes before a series is bound: <see langword="null"/> becomes empty, and text that is not
/// valid UTF-16 (a lone surrogate, as left by text cut inside an emoji) has each lone surrogate replaced by U+FFFD,
/// as every UTF-8 exposition would render it. Values that render alike are then one series.
/// </summary>
internal static class LabelText
{
    private const char ReplacementCharacter = '\uFFFD';

    public static string Normalize(string? value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        var first = value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        return first < 0 || IsWellFormed(value, first) ? value : Repair(value);
    }

    private static bool IsWellFormed(string value, int start)
    {
        for (var i = start; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string Repair(string value) =>
        string.Create(value.Length, value, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                if (char.IsHighSurrogate(c) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]))
                {
                    span[i] = c;
                    span[i + 1] = source[i + 1];
                    i++;
                }
                else
                {
                    span[i] = char.IsSurrogate(c) ? ReplacementCharacter : c;
                }
            }
        });
}
