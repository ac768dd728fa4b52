using System.Net.Mime;
using System.Text;
using Interception.Demo.Storage;
using Interception.Demo.Webhook;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Interception.Demo.Load;

/// <summary>
/// Posts updates to the application's own webhook over real HTTP, from <see cref="LoadSettings.Workers"/> concurrent
/// senders, from the moment the server listens until the application stops. Update ids continue after the highest one
/// stored, as Telegram's do, so a database kept with <c>--data</c> takes the next run's updates as new ones.
/// </summary>
internal sealed class LoadGenerator(
    LoadSettings settings,
    WebhookSettings webhook,
    IServer server,
    IHostApplicationLifetime lifetime,
    IUpdateLog updates,
    TimeProvider time,
    ILogger<LoadGenerator> logger) : BackgroundService
{
    /// <summary>The path the load is sent to.</summary>
    public const string WebhookPath = "/telegram/webhook";

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(20);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Enabled || !await StartedAsync(stoppingToken))
        {
            return;
        }

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        var address = WebhookAddress();
        if (address is null)
        {
            logger.LogWarning("No http:// address to send the load to; the demo serves without load.");
            return;
        }

        var factory = new UpdateFactory(await updates.MaxUpdateIdAsync(stopping.Token) + 1, webhook.Secret, time);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await Task.WhenAll(Enumerable.Range(0, settings.Workers)
            .Select(worker => SendAsync(client, address, factory, new Random(settings.Seed + worker), stopping.Token)));
    }

    private async Task SendAsync(HttpClient client, Uri address, UpdateFactory factory, Random random, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = factory.Next(random);
            using var request = new HttpRequestMessage(HttpMethod.Post, address)
            {
                Content = new StringContent(next.Body, Encoding.UTF8, MediaTypeNames.Application.Json),
            };
            if (next.Secret is not null)
            {
                request.Headers.Add(WebhookSecret.HeaderName, next.Secret);
            }

            try
            {
                using var response = await client.SendAsync(request, stoppingToken);
                await Task.Delay(Pause, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                logger.LogDebug(exception, "A webhook call of the load failed.");
            }
        }
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(started.SetResult);
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The webhook on the first http:// address the server listens on; a wildcard host is reached on loopback.</summary>
    private Uri? WebhookAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var http = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
        if (http is null)
        {
            return null;
        }

        var builder = new UriBuilder(http.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (builder.Host is "0.0.0.0")
        {
            builder.Host = "127.0.0.1";
        }
        else if (builder.Host is "[::]")
        {
            builder.Host = "[::1]";
        }

        builder.Path = WebhookPath;
        return builder.Uri;
    }
}
