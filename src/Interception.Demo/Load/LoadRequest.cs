namespace Interception.Demo.Load;

/// <summary>One webhook call the load generator makes: the body, and the secret header to send (none when <see langword="null"/>).</summary>
internal sealed record LoadRequest(string Body, string? Secret);
