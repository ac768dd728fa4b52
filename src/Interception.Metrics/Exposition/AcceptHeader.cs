using System.Globalization;

namespace Interception.Metrics;

/// <summary>Reads the media ranges of an HTTP <c>Accept</c> header (RFC 9110 section 12.5.1) that matter for metrics.</summary>
internal static class AcceptHeader
{
    private const string OpenMetricsMediaType = "application/openmetrics-text";
    private const string TextMediaType = "text/plain";

    /// <summary>
    /// Whether <paramref name="header"/> prefers OpenMetrics to the text format: its best quality is above 0 and
    /// higher than text/plain's, or equal and listed first.
    /// </summary>
    public static bool PrefersOpenMetrics(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }

        double openMetrics = 0, text = 0;
        int openMetricsAt = int.MaxValue, textAt = int.MaxValue;
        var position = 0;
        foreach (var range in header.AsSpan().Split(','))
        {
            var entry = header.AsSpan(range);
            var parameters = entry.IndexOf(';');
            var mediaType = (parameters < 0 ? entry : entry[..parameters]).Trim();
            var quality = parameters < 0 ? 1 : Quality(entry[(parameters + 1)..]);
            if (mediaType.Equals(OpenMetricsMediaType, StringComparison.OrdinalIgnoreCase) && quality > openMetrics)
            {
                (openMetrics, openMetricsAt) = (quality, position);
            }
            else if (mediaType.Equals(TextMediaType, StringComparison.OrdinalIgnoreCase) && quality > text)
            {
                (text, textAt) = (quality, position);
            }

            position++;
        }

        return openMetrics > 0 && (openMetrics > text || (openMetrics == text && openMetricsAt < textAt));
    }

    /// <summary>The <c>q</c> parameter among <paramref name="parameters"/>; 1 when absent, 0 when malformed.</summary>
    private static double Quality(ReadOnlySpan<char> parameters)
    {
        foreach (var range in parameters.Split(';'))
        {
            var parameter = parameters[range].Trim();
            if (parameter.Length > 2 && (parameter[0] is 'q' or 'Q') && parameter[1] == '=')
            {
                return double.TryParse(parameter[2..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var quality) && quality is >= 0 and <= 1
                    ? quality
                    : 0;
            }
        }

        return 1;
    }
}
