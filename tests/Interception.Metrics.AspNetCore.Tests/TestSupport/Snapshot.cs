namespace Interception.Metrics.AspNetCore.Tests.TestSupport;

/// <summary>What a client sees of a response: status, content type and body.</summary>
internal sealed record Snapshot(int StatusCode, string? ContentType, string Body)
{
    public static async Task<Snapshot> OfAsync(HttpClient client, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        using var response = await client.SendAsync(request);
        return new Snapshot((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync());
    }
}
