using System.Globalization;
using System.Text;

namespace Interception.Demo.Reporting;

/// <summary>Renders what <see cref="LiveStatsBackend"/> saw: per operation calls, failed, canceled, p50 and p95; HTTP answers; Telegram updates.</summary>
internal static class StatsTable
{
    private static readonly string[] UpdateStatuses = ["success", "duplicate", "ignored", "failed", "canceled"];

    /// <summary>The operations table; with <paramref name="top"/>, only that many of the busiest operations.</summary>
    public static string Operations(IEnumerable<OperationStats> operations, int? top = null)
    {
        var rows = operations.ToList();
        if (top is not null)
        {
            rows = [.. rows.OrderByDescending(o => o.Calls).Take(top.Value)];
        }

        rows = [.. rows.OrderBy(o => o.Kind, StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.Ordinal)];
        var width = Math.Max(24, rows.Select(r => r.Name.Length).DefaultIfEmpty(0).Max());
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"kind",-9} {"operation".PadRight(width)} {"calls",8} {"failed",7} {"canceled",8} {"p50 ms",8} {"p95 ms",8}");
        foreach (var row in rows)
        {
            var (p50, p95) = row.Percentiles();
            text.AppendLine(CultureInfo.InvariantCulture, $"{row.Kind,-9} {row.Name.PadRight(width)} {row.Calls,8} {row.Failed,7} {row.Canceled,8} {Format(p50),8} {Format(p95),8}");
        }

        return text.ToString();
    }

    /// <summary>One line: the HTTP answers by status code, such as <c>HTTP answers by status: 200 x 1520, 401 x 31</c>.</summary>
    public static string HttpStatuses(IReadOnlyDictionary<string, long> statuses) =>
        "HTTP answers by status: " + (statuses.Count == 0
            ? "none yet"
            : string.Join(", ", statuses.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key} x {pair.Value}"))));

    /// <summary>The Telegram updates by type (rows) and status (columns), as <c>telegram_updates_total</c> counts them.</summary>
    public static string Updates(IReadOnlyDictionary<(string Type, string Status), long> updates)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{"Telegram update",-22}");
        foreach (var status in UpdateStatuses)
        {
            text.Append(CultureInfo.InvariantCulture, $" {status,9}");
        }

        text.AppendLine();
        foreach (var type in updates.Keys.Select(key => key.Type).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{type,-22}");
            foreach (var status in UpdateStatuses)
            {
                text.Append(CultureInfo.InvariantCulture, $" {updates.GetValueOrDefault((type, status)),9}");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static string Format(double milliseconds) =>
        double.IsNaN(milliseconds) ? "-" : milliseconds.ToString("0.0", CultureInfo.InvariantCulture);
}
