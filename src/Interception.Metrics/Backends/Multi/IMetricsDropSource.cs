namespace Interception.Metrics;

/// <summary>
/// A backend that can lose recordings after it accepted them (a full queue, an agent it cannot reach) and says how
/// many. <see cref="MultiMetricsBackend"/> publishes those losses on its other children as the counter
/// <c>metrics_backend_dropped_total{backend}</c>, since a backend that is losing data cannot be trusted to report
/// its own losses: that is how a Prometheus alert sees what a StatsD backend dropped. The losses are published on the
/// children that do not implement this interface themselves.
/// </summary>
/// <remarks>
/// <para>
/// To implement it, count every recording you drop in <see cref="DroppedCount"/> first, then raise
/// <see cref="Dropped"/>, on whatever thread dropped it. A fan-out reads <see cref="DroppedCount"/> when the event is
/// raised and records only what it has not published yet, so one event for several drops, or an event raised
/// twice, keeps the published total exact; drops that happened before the fan-out was created are published when
/// it is.
/// </para>
/// <para>
/// A handler must be cheap and must not throw (the fan-out's never does): it runs on the recording thread when a
/// recording is dropped there. Raise the event inside a <c>try</c>/<c>catch</c> so that a faulty handler of an
/// application cannot break recording.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// private void CountDropped(long count)
/// {
///     Interlocked.Add(ref _dropped, count);
///     try
///     {
///         Dropped?.Invoke(this, EventArgs.Empty);
///     }
///     catch (Exception)
///     {
///         // A handler must not break recording.
///     }
/// }
/// </code>
/// </example>
public interface IMetricsDropSource
{
    /// <summary>Recordings accepted and then lost, since the backend was created. Never decreases.</summary>
    long DroppedCount { get; }

    /// <summary>Raised after <see cref="DroppedCount"/> grew.</summary>
    event EventHandler? Dropped;
}
