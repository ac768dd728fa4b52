namespace Interception.Metrics.Reliability.Tests.Fixtures;

/// <summary>
/// Timed methods with argument labels and in-progress gauges, one per return family, each able to succeed, fail or
/// be canceled (by its <c>outcome</c>: 0 success, 1 failure, 2 cancellation).
/// </summary>
public interface IChannelPublisher
{
    [MetricsTimer(TrackInProgress = true)]
    int Publish([MetricLabel("audience")] Audience audience, [MetricLabel("urgent")] bool urgent, int outcome);

    [MetricsTimer(TrackInProgress = true, Labels = ["team=posts"])]
    Task<int> PublishAsync([MetricLabel("audience")] Audience audience, int outcome, bool yield);

    [MetricsTimer(MetricKind.Database, Name = "save_post", TrackInProgress = true)]
    ValueTask<int> SaveAsync([MetricLabel("audience")] Audience audience, int outcome);

    [MetricsTimer(TrackInProgress = true)]
    IAsyncEnumerable<int> ReadAsync([MetricLabel("audience")] Audience audience, int count);
}
