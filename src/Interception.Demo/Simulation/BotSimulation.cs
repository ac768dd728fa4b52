using Interception.Demo.Bot.Jobs;
using Interception.Demo.Bot.Posts;
using Interception.Demo.Bot.Telegram;
using Interception.Demo.Bot.Updates;
using Interception.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Interception.Demo.Simulation;

/// <summary>
/// Drives the bot like production traffic would: workers post webhook updates, the publisher sends due posts,
/// and the periodic jobs run on their schedules. It also reports how many workers are busy.
/// </summary>
internal sealed class BotSimulation(
    IWebhookEndpoint webhook,
    IPostService posts,
    IBotJobs jobs,
    ChaosSource chaos,
    IOptions<DemoOptions> options,
    TimeProvider time) : BackgroundService, IBackgroundWorkerMetricsProvider
{
    private static readonly string[] UpdateTypes = ["message", "message", "message", "channel_post", "callback_query", "my_chat_member"];
    private int _active;
    private long _updateIds;

    public Task<BackgroundWorkerStatus> ReadAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new BackgroundWorkerStatus(Volatile.Read(ref _active), 0));

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = Enumerable.Range(0, Math.Max(1, options.Value.Workers))
            .Select(_ => RunAsync(SendUpdateAsync, TimeSpan.FromMilliseconds(40), stoppingToken))
            .Append(RunAsync(ct => posts.PublishDuePostsAsync(ct), TimeSpan.FromMilliseconds(500), stoppingToken))
            .Append(RunAsync(ct => jobs.UpdatePostViewsAsync(ct), TimeSpan.FromSeconds(2), stoppingToken))
            .Append(RunAsync(jobs.RefreshBusinessMetricsAsync, TimeSpan.FromSeconds(3), stoppingToken))
            .Append(RunAsync(jobs.CollectSystemMetricsAsync, TimeSpan.FromSeconds(1), stoppingToken));
        return Task.WhenAll(loops);
    }

    private async Task SendUpdateAsync(CancellationToken cancellationToken)
    {
        var type = UpdateTypes[chaos.Next(0, UpdateTypes.Length)];
        var chatId = chaos.Chance(0.02) ? 0 : -100_000 - chaos.Next(1, 40);
        var text = chaos.Chance(0.5) ? "/schedule Weekly digest" : "hello";
        using var response = await webhook.ReceiveAsync(new TelegramUpdate(Interlocked.Increment(ref _updateIds), type, chatId, text), cancellationToken);
    }

    private async Task RunAsync(Func<CancellationToken, Task> step, TimeSpan pause, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref _active);
            try
            {
                await step(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is TelegramApiException or InvalidOperationException or OperationCanceledException)
            {
                // A failed step is part of the simulation: it was timed and counted as failed; carry on.
            }
            finally
            {
                Interlocked.Decrement(ref _active);
            }

            try
            {
                await Task.Delay(pause, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
