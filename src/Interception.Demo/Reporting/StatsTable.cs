using System.Globalization;
using System.Text;

namespace Interception.Demo.Reporting;

/// <summary>Renders the per-operation table: calls, errors, p50 and p95.</summary>
internal static class StatsTable
{
    public static string Render(IEnumerable<OperationStats> operations, int? top = null)
    {
        var rows = operations.OrderBy(o => o.Kind, StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.Ordinal).ToList();
        if (top is not null)
        {
            rows = [.. rows.OrderByDescending(o => o.Calls).Take(top.Value).OrderBy(o => o.Kind, StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.Ordinal)];
        }

        var width = Math.Max(20, rows.Select(r => r.Name.Length).DefaultIfEmpty(0).Max());
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"kind",-9} {"operation".PadRight(width)} {"calls",8} {"errors",7} {"p50 ms",8} {"p95 ms",8}");
        foreach (var row in rows)
        {
            var (p50, p95) = row.Percentiles();
            text.AppendLine(CultureInfo.InvariantCulture, $"{row.Kind,-9} {row.Name.PadRight(width)} {row.Calls,8} {row.Errors,7} {Format(p50),8} {Format(p95),8}");
        }

        return text.ToString();
    }

    private static string Format(double milliseconds) =>
        double.IsNaN(milliseconds) ? "-" : milliseconds.ToString("0.0", CultureInfo.InvariantCulture);
}
