using Interception.Metrics;

namespace Interception.Demo.Storage;

/// <summary>The updates received, by <c>update_id</c>: what makes a redelivered update land once.</summary>
internal interface IUpdateLog
{
    /// <summary>Records the update; <see langword="false"/> when it was recorded before (a redelivery).</summary>
    [MetricsTimer(MetricKind.Database, Name = "claim_update")]
    Task<bool> TryClaimAsync(int updateId, string updateType, CancellationToken cancellationToken);

    /// <summary>Forgets an update whose handling failed, so that Telegram's redelivery is handled again.</summary>
    [MetricsTimer(MetricKind.Database, Name = "release_update")]
    Task ReleaseAsync(int updateId, CancellationToken cancellationToken);

    /// <summary>The highest update id received so far, 0 when none.</summary>
    [MetricsTimer(MetricKind.Database, Name = "max_update_id")]
    Task<int> MaxUpdateIdAsync(CancellationToken cancellationToken);
}
