namespace Interception.Metrics.Autofac.Tests.Fixtures;

/// <summary>A timed component with one method whose label parameter cannot be a label, and one that can.</summary>
public interface IReminders
{
    [MetricsTimer]
    int Schedule([MetricLabel("when")] DateTimeOffset when);

    [MetricsTimer(TrackInProgress = true)]
    int Remind([MetricLabel("urgent")] bool urgent);
}
