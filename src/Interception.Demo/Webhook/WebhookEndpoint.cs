using System.Text.Json;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Interception.Demo.Webhook;

/// <summary>
/// <c>POST /telegram/webhook</c>, as Telegram calls it: the secret header first (wrong or missing: 401, the body is not
/// read), then the <see cref="Update"/> JSON, read with Telegram.Bot's serializer settings (malformed: 400), then the
/// update handled. 200 when it was handled, was a redelivery or is of a kind the bot ignores; 500 when handling failed,
/// so that Telegram delivers it again.
/// </summary>
internal static class WebhookEndpoint
{
    /// <summary>Maps the webhook at <paramref name="pattern"/>.</summary>
    public static IEndpointConventionBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints, string pattern) =>
        endpoints.MapPost(pattern, ReceiveAsync).WithDisplayName("Telegram webhook");

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request,
        WebhookSecret secret,
        IUpdateDispatcher dispatcher,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!secret.Matches(request.Headers[WebhookSecret.HeaderName]))
        {
            return Results.Unauthorized();
        }

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(request.Body, JsonBotAPI.Options, cancellationToken);
        }
        catch (JsonException exception)
        {
            return Results.Text($"Bad Request: malformed update JSON: {exception.Message}", statusCode: StatusCodes.Status400BadRequest);
        }

        if (UpdateValidation.Problem(update) is { } problem)
        {
            return Results.Text($"Bad Request: {problem}", statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            var outcome = await dispatcher.DispatchAsync(update!, cancellationToken);
            return outcome == UpdateOutcome.Failed ? Results.StatusCode(StatusCodes.Status500InternalServerError) : Results.Ok();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away; nobody reads the answer. The request metrics count it as 499.
            loggers.CreateLogger(typeof(WebhookEndpoint)).LogDebug("Update {UpdateId}: the request was aborted.", update!.Id);
            return Results.Empty;
        }
    }
}
