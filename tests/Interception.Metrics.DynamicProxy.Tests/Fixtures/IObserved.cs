using System.Diagnostics.CodeAnalysis;

namespace Interception.Metrics.DynamicProxy.Tests.Fixtures;

/// <summary>Timed methods with argument labels, in-progress tracking and calls nested inside one another.</summary>
public interface IObserved
{
    [MetricsTimer]
    int Publish([MetricLabel("channel_type")] ChannelType type, [MetricLabel("urgent")] bool urgent, string body);

    [MetricsTimer(Labels = ["team=core"])]
    int Route([MetricLabel("region")] string? region, [MetricLabel("shard")] int shard, [MetricLabel("attempt")] long? attempt, [MetricLabel("level")] ChannelType? level);

    [MetricsTimer]
    int Send(string chatId, ChannelType kind);

    [SuppressMessage("Usage", "INTM010:[MetricLabel] parameter cannot be recorded", Justification = "Refused on purpose: the interceptor must leave this method untimed and warn.")]
    [MetricsTimer]
    int Schedule([MetricLabel("when")] DateTime when);

    [SuppressMessage("Usage", "INTM010:[MetricLabel] parameter cannot be recorded", Justification = "Refused on purpose: the interceptor must leave this method untimed and warn.")]
    [MetricsTimer]
    int Store([MetricLabel("payload")] Payload payload);

    [SuppressMessage("Usage", "INTM010:[MetricLabel] parameter cannot be recorded", Justification = "Refused on purpose: an out parameter has no value when the call starts.")]
    [MetricsTimer]
    bool TryRead([MetricLabel("value")] out int value);

    [SuppressMessage("Naming", "INTM007:Label name already used by the metric", Justification = "Clashes on purpose: the interceptor must leave this method untimed and warn.")]
    [MetricsTimer]
    int Clash([MetricLabel("function")] string function);

    [SuppressMessage("Naming", "INTM007:Label name already used by the metric", Justification = "Clashes on purpose: the interceptor must leave this method untimed and warn.")]
    [MetricsTimer(Labels = ["region=eu"])]
    int Twice([MetricLabel("region")] string region);

    [MetricsTimer(TrackInProgress = true)]
    int Work(Func<int> body);

    [MetricsTimer(TrackInProgress = true)]
    Task<int> WorkAsync(Task<int> inner);

    [MetricsTimer(TrackInProgress = true)]
    ValueTask<int> WorkValueAsync(ValueTask<int> inner);

    [MetricsTimer(TrackInProgress = true)]
    IAsyncEnumerable<int> StreamAsync(IAsyncEnumerable<int> inner);

    [MetricsTimer(MetricKind.Database, Name = "select_posts", TrackInProgress = true, Labels = ["shard=eu"])]
    int Query([MetricLabel("channel_type")] ChannelType type, Func<int> body);

    [MetricsTimer(MetricKind.Http, Name = "/posts", HttpMethod = "POST", TrackInProgress = true)]
    Task<HttpResponseMessage> PostAsync(Task<HttpResponseMessage> inner);

    [MetricsTimer(MetricKind.TelegramApi, Name = "sendMessage", TrackInProgress = true)]
    int SendMessage(Func<int> body);

    [MetricsTimer(MetricKind.BackgroundTask, Name = "refresh_views", TrackInProgress = true)]
    Task RefreshAsync(Task inner);

    [MetricsTimer]
    int Outer(Func<int> inner);

    [MetricsTimer]
    Task<int> OuterAsync(Func<Task<int>> inner);
}
