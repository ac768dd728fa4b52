namespace Interception.Demo.Bot.Posts;

/// <summary>Schedules and publishes posts.</summary>
internal interface IPostService
{
    Task<Post> SchedulePostAsync(long channelId, string text, TimeSpan delay, CancellationToken cancellationToken);

    Task<int> PublishDuePostsAsync(CancellationToken cancellationToken);
}
