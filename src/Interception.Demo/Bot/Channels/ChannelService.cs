using Interception.Demo.Bot.Storage;
using Interception.Demo.Bot.Telegram;
using Interception.Metrics;

namespace Interception.Demo.Bot.Channels;

/// <summary>Channel use cases; timed by the class-level attribute, with no timing code in the bodies.</summary>
[MetricsTimer]
internal sealed class ChannelService(IBotRepository repository, ITelegramApiClient telegram) : IChannelService
{
    public async Task<Channel> ConnectChannelAsync(long channelId, string title, CancellationToken cancellationToken)
    {
        var subscribers = await telegram.GetChatMemberCountAsync(channelId, cancellationToken);
        var channel = new Channel(channelId, title, subscribers);
        await repository.SaveChannelAsync(channel, cancellationToken);
        return channel;
    }

    public Task<IReadOnlyList<Channel>> GetChannelsAsync(CancellationToken cancellationToken) =>
        repository.GetChannelsAsync(cancellationToken);
}
