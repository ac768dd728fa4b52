using Interception.Metrics;

namespace Interception.Benchmarks.Targets;

/// <summary>Timed methods with and without the observation features, for <c>ObservationBenchmarks</c>.</summary>
public interface IObservedWorker
{
    /// <summary>The plain timed call.</summary>
    [MetricsTimer]
    int Work(int value);

    /// <summary>The signature of the labelled methods, without labels: Castle boxes the same arguments.</summary>
    [MetricsTimer]
    int Publish(Audience audience, bool urgent, int value);

    /// <summary>An enum label.</summary>
    [MetricsTimer]
    int PublishByAudience([MetricLabel("audience")] Audience audience, bool urgent, int value);

    /// <summary>A bool label.</summary>
    [MetricsTimer]
    int PublishByUrgency(Audience audience, [MetricLabel("urgent")] bool urgent, int value);

    /// <summary>The plain timed call with an in-progress gauge.</summary>
    [MetricsTimer(TrackInProgress = true)]
    int Tracked(int value);
}
