using Interception.Metrics;

namespace Interception.Demo.Storage;

/// <summary>The people who wrote to the bot.</summary>
internal interface IUserRepository
{
    /// <summary>Adds the user, or updates the name and the last time seen.</summary>
    [MetricsTimer(MetricKind.Database, Name = "upsert_user", TrackInProgress = true)]
    Task SaveAsync(BotUser user, CancellationToken cancellationToken);

    [MetricsTimer(MetricKind.Database, Name = "count_users")]
    Task<int> CountAsync(CancellationToken cancellationToken);
}
