using System.Globalization;

namespace Interception.Metrics.Collection;

/// <summary>HTTP status codes as label text, formatted once.</summary>
internal static class StatusCodes
{
    private static readonly string[] Texts = Enumerable.Range(0, 600).Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray();

    public static string ToText(int statusCode) =>
        (uint)statusCode < (uint)Texts.Length ? Texts[statusCode] : statusCode.ToString(CultureInfo.InvariantCulture);

    public static string ToText(OperationStatus status) => status switch
    {
        OperationStatus.Success => "success",
        OperationStatus.Failed => "failed",
        _ => "canceled",
    };
}
