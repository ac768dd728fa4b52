namespace Interception.Demo.Bot.Channels;

/// <summary>Connects channels and lists them. Every method is timed as a function (the attribute is on the class).</summary>
internal interface IChannelService
{
    Task<Channel> ConnectChannelAsync(long channelId, string title, CancellationToken cancellationToken);

    Task<IReadOnlyList<Channel>> GetChannelsAsync(CancellationToken cancellationToken);
}
