namespace Interception.Demo.Bot.Posts;

/// <summary>A post scheduled for, or published to, a channel.</summary>
internal sealed record Post(int Id, long ChannelId, string Text, DateTimeOffset PublishAt, int? MessageId = null, int Views = 0);
