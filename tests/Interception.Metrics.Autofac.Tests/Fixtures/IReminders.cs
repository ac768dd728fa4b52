using System.Diagnostics.CodeAnalysis;

namespace Interception.Metrics.Autofac.Tests.Fixtures;

/// <summary>A timed component with one method whose label parameter cannot be a label, and one that can.</summary>
public interface IReminders
{
    [SuppressMessage("Usage", "INTM010:[MetricLabel] parameter cannot be recorded", Justification = "Refused on purpose: the container must warn at build and leave this method untimed.")]
    [MetricsTimer]
    int Schedule([MetricLabel("when")] DateTimeOffset when);

    [MetricsTimer(TrackInProgress = true)]
    int Remind([MetricLabel("urgent")] bool urgent);
}
