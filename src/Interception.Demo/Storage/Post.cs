namespace Interception.Demo.Storage;

/// <summary>A post: published in a channel (it has a message id) or scheduled (not yet).</summary>
internal sealed record Post(long Id, long ChannelId, long? MessageId, string Text, long Views);
