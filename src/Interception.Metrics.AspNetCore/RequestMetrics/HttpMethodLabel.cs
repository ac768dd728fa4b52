using Microsoft.AspNetCore.Http;

namespace Interception.Metrics.AspNetCore;

/// <summary>The <c>method</c> label: a standard verb in upper case, or <c>OTHER</c>, so that a made-up verb is not a new series.</summary>
internal static class HttpMethodLabel
{
    /// <summary>How many distinct labels there are.</summary>
    public const int Count = 10;

    /// <summary>The label of any non-standard method.</summary>
    public const string Other = "OTHER";

    private static readonly string[] Labels =
        [HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch, HttpMethods.Head, HttpMethods.Options, HttpMethods.Trace, HttpMethods.Connect, Other];

    /// <summary>The label at <paramref name="index"/>.</summary>
    public static string At(int index) => Labels[index];

    /// <summary>
    /// The index of <paramref name="method"/>'s label. Kestrel hands out the interned <see cref="HttpMethods"/> strings
    /// for standard verbs, so the usual case is one reference comparison; other spellings compare without regard to case.
    /// </summary>
    public static int IndexOf(string method) =>
        HttpMethods.IsGet(method) ? 0
        : HttpMethods.IsPost(method) ? 1
        : HttpMethods.IsPut(method) ? 2
        : HttpMethods.IsDelete(method) ? 3
        : HttpMethods.IsPatch(method) ? 4
        : HttpMethods.IsHead(method) ? 5
        : HttpMethods.IsOptions(method) ? 6
        : HttpMethods.IsTrace(method) ? 7
        : HttpMethods.IsConnect(method) ? 8
        : 9;
}
