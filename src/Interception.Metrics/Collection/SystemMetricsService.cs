using Interception.Metrics.Collection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Interception.Metrics;

/// <summary>
/// Reads the machine (and, when given, the database pool and background workers) and sets the gauges.
/// <see cref="RequestRefresh"/> starts a throttled refresh in the background without delaying its caller.
/// </summary>
public sealed class SystemMetricsService
{
    /// <summary>The default least time between two background refreshes.</summary>
    public static readonly TimeSpan DefaultRefreshInterval = TimeSpan.FromSeconds(15);

    private readonly ISystemMetricsProvider _provider;
    private readonly MetricsCollectorService? _collector;
    private readonly IDatabaseMetricsProvider? _database;
    private readonly IBackgroundWorkerMetricsProvider? _workers;
    private readonly TimeProvider _time;
    private readonly TimeSpan _refreshInterval;
    private readonly ILogger _logger;
    private readonly IMetricSeries _memory;
    private readonly IMetricSeries _cpu;
    private readonly IMetricSeries _disk;
    private long _lastRefreshStarted = long.MinValue;
    private int _refreshing;

    /// <summary>Creates the service and declares the system gauges on <paramref name="backend"/>.</summary>
    /// <param name="backend">Where to record.</param>
    /// <param name="provider">Reads the machine.</param>
    /// <param name="collector">Receives database and worker readings, when their providers are given.</param>
    /// <param name="databaseProvider">Reads the database pool, or <see langword="null"/>.</param>
    /// <param name="workerProvider">Reads the background workers, or <see langword="null"/>.</param>
    /// <param name="logger">Receives failures of background refreshes.</param>
    /// <param name="timeProvider">Clock for the throttle; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="refreshInterval">Least time between two background refreshes; <see cref="DefaultRefreshInterval"/> when <see langword="null"/>.</param>
    public SystemMetricsService(
        IMetricsBackend backend,
        ISystemMetricsProvider provider,
        MetricsCollectorService? collector = null,
        IDatabaseMetricsProvider? databaseProvider = null,
        IBackgroundWorkerMetricsProvider? workerProvider = null,
        ILogger<SystemMetricsService>? logger = null,
        TimeProvider? timeProvider = null,
        TimeSpan? refreshInterval = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var guarded = BackendGuard.Wrap(backend);
        BackendGuard.InitializeAll(guarded, MetricCatalogue.System);
        _memory = guarded.Bind(MetricNames.SystemMemoryUsage, []);
        _cpu = guarded.Bind(MetricNames.SystemCpuUsage, []);
        _disk = guarded.Bind(MetricNames.SystemDiskUsage, []);
        _provider = provider;
        _collector = collector;
        _database = databaseProvider;
        _workers = workerProvider;
        _logger = logger ?? NullLogger<SystemMetricsService>.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _refreshInterval = refreshInterval ?? DefaultRefreshInterval;
    }

    /// <summary>
    /// Reads the machine and sets the gauges whose reading could be taken; also reads the database pool and
    /// workers when their providers were given.
    /// </summary>
    /// <returns>The readings, or <see langword="null"/> when the machine gives none.</returns>
    public async Task<SystemMetrics?> CollectAndUpdateSystemMetricsAsync(CancellationToken cancellationToken = default)
    {
        SystemMetrics? metrics = null;
        if (_provider.IsAvailable)
        {
            metrics = await _provider.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (metrics is not null)
            {
                SetIfKnown(_memory, metrics.MemoryPercent);
                SetIfKnown(_cpu, metrics.CpuPercent);
                SetIfKnown(_disk, metrics.DiskPercent);
            }
        }

        if (_collector is not null && _database is not null)
        {
            var pool = await _database.ReadAsync(cancellationToken).ConfigureAwait(false);
            _collector.UpdateDatabaseConnections(pool.ActiveConnections);
        }

        if (_collector is not null && _workers is not null)
        {
            var workers = await _workers.ReadAsync(cancellationToken).ConfigureAwait(false);
            _collector.UpdateBackgroundWorkers(workers.ActiveWorkers);
        }

        return metrics;
    }

    /// <summary>
    /// Starts a refresh on the thread pool unless one is running or one started within the refresh interval.
    /// Returns at once; a failing refresh is logged, never thrown.
    /// </summary>
    /// <returns>Whether a refresh was started.</returns>
    public bool RequestRefresh()
    {
        var now = _time.GetTimestamp();
        var last = Interlocked.Read(ref _lastRefreshStarted);
        if (last != long.MinValue && _time.GetElapsedTime(last, now) < _refreshInterval)
        {
            return false;
        }

        if (Interlocked.CompareExchange(ref _refreshing, 1, 0) != 0)
        {
            return false;
        }

        Interlocked.Exchange(ref _lastRefreshStarted, now);
        _ = Task.Run(RefreshInBackgroundAsync);
        return true;
    }

    private async Task RefreshInBackgroundAsync()
    {
        try
        {
            await CollectAndUpdateSystemMetricsAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _logger.LogWarning(exception, "Refreshing the system metrics failed; the gauges keep their previous values.");
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    private static void SetIfKnown(IMetricSeries gauge, double value)
    {
        if (double.IsFinite(value))
        {
            gauge.Record(value);
        }
    }
}
