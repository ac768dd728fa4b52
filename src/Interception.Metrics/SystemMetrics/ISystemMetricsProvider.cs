namespace Interception.Metrics;

/// <summary>Reads the machine's memory, CPU and disk usage.</summary>
public interface ISystemMetricsProvider
{
    /// <summary>Whether any reading can be taken on this machine.</summary>
    bool IsAvailable { get; }

    /// <summary>
    /// Takes the readings. Never blocks the calling thread; a reading that cannot be taken is
    /// <see cref="double.NaN"/>.
    /// </summary>
    /// <returns>The readings, or <see langword="null"/> when none can be taken.</returns>
    Task<SystemMetrics?> ReadAsync(CancellationToken cancellationToken = default);
}
