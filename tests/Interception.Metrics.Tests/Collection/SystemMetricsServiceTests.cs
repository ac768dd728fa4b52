using System.Diagnostics;
using Interception.Metrics.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Readings = Interception.Metrics.SystemMetrics;

namespace Interception.Metrics.Tests.Collection;

public class SystemMetricsServiceTests
{
    private static readonly TimeSpan _interval = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan _patience = TimeSpan.FromSeconds(10);

    private readonly InMemoryMetricsBackend _memory = new();
    private readonly FakeTimeProvider _time = new();
    private readonly Mock<ISystemMetricsProvider> _provider = new();

    public SystemMetricsServiceTests()
    {
        _provider.Setup(p => p.IsAvailable).Returns(true);
    }

    [Fact]
    public async Task CollectAndUpdateSystemMetricsAsync_ProviderReadings_SetsTheThreeGauges()
    {
        var readings = new Readings(41.5, 12.25, 73, _time.GetUtcNow());
        _provider.Setup(p => p.ReadAsync(It.IsAny<CancellationToken>())).ReturnsAsync(readings);
        var service = new SystemMetricsService(_memory, _provider.Object);

        var result = await service.CollectAndUpdateSystemMetricsAsync();

        Assert.Same(readings, result);
        Assert.Equal(41.5, _memory.GetGauge("system_memory_usage_percent"));
        Assert.Equal(12.25, _memory.GetGauge("system_cpu_usage_percent"));
        Assert.Equal(73, _memory.GetGauge("system_disk_usage_percent"));
    }

    [Fact]
    public async Task CollectAndUpdateSystemMetricsAsync_NaNReadings_LeaveThoseGaugesUnchanged()
    {
        _provider.SetupSequence(p => p.ReadAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Readings(40, 10, 70, _time.GetUtcNow()))
            .ReturnsAsync(new Readings(double.NaN, 20, double.NaN, _time.GetUtcNow()));
        var service = new SystemMetricsService(_memory, _provider.Object);

        await service.CollectAndUpdateSystemMetricsAsync();
        var second = await service.CollectAndUpdateSystemMetricsAsync();

        Assert.NotNull(second);
        Assert.True(double.IsNaN(second.MemoryPercent));
        Assert.Equal(40, _memory.GetGauge("system_memory_usage_percent"));
        Assert.Equal(20, _memory.GetGauge("system_cpu_usage_percent"));
        Assert.Equal(70, _memory.GetGauge("system_disk_usage_percent"));
    }

    [Fact]
    public async Task CollectAndUpdateSystemMetricsAsync_FirstReadingNaN_GaugeNeverSetRatherThanZero()
    {
        _provider.Setup(p => p.ReadAsync(It.IsAny<CancellationToken>())).ReturnsAsync(new Readings(double.NaN, double.PositiveInfinity, 5, _time.GetUtcNow()));
        var service = new SystemMetricsService(_memory, _provider.Object);

        await service.CollectAndUpdateSystemMetricsAsync();

        Assert.Null(_memory.GetGauge("system_memory_usage_percent"));
        Assert.Null(_memory.GetGauge("system_cpu_usage_percent"));
        Assert.Equal(5, _memory.GetGauge("system_disk_usage_percent"));
    }

    [Fact]
    public async Task CollectAndUpdateSystemMetricsAsync_ProviderUnavailable_ReturnsNullAndSetsNothing()
    {
        _provider.Setup(p => p.IsAvailable).Returns(false);
        _provider.Setup(p => p.ReadAsync(It.IsAny<CancellationToken>())).ReturnsAsync(new Readings(1, 2, 3, _time.GetUtcNow()));
        var service = new SystemMetricsService(_memory, _provider.Object);

        var result = await service.CollectAndUpdateSystemMetricsAsync();

        Assert.Null(result);
        Assert.Null(_memory.GetGauge("system_memory_usage_percent"));
        Assert.Null(_memory.GetGauge("system_cpu_usage_percent"));
        Assert.Null(_memory.GetGauge("system_disk_usage_percent"));
    }

    [Fact]
    public async Task CollectAndUpdateSystemMetricsAsync_ProviderReturnsNull_ReturnsNullAndSetsNothing()
    {
        _provider.Setup(p => p.ReadAsync(It.IsAny<CancellationToken>())).ReturnsAsync((Readings?)null);
        var service = new SystemMetricsService(_memory, _provider.Object);

        var result = await service.CollectAndUpdateSystemMetricsAsync();

        Assert.Null(result);
        Assert.Null(_memory.GetGauge("system_memory_usage_percent"));
    }

    [Fact]
    public async Task CollectAndUpdateSystemMetricsAsync_DatabaseAndWorkerProviders_UpdateCollectorGauges()
    {
        _provider.Setup(p => p.IsAvailable).Returns(false);
        var database = new Mock<IDatabaseMetricsProvider>();
        database.Setup(d => d.ReadAsync(It.IsAny<CancellationToken>())).ReturnsAsync(new DatabasePoolStatus(7, 3, 20));
        var workers = new Mock<IBackgroundWorkerMetricsProvider>();
        workers.Setup(w => w.ReadAsync(It.IsAny<CancellationToken>())).ReturnsAsync(new BackgroundWorkerStatus(4, 120));
        var collector = new MetricsCollectorService(_memory);
        var service = new SystemMetricsService(_memory, _provider.Object, collector, database.Object, workers.Object);

        await service.CollectAndUpdateSystemMetricsAsync();

        Assert.Equal(7, _memory.GetGauge("database_connections_active"));
        Assert.Equal(4, _memory.GetGauge("background_workers_active"));
    }

    [Fact]
    public async Task CollectAndUpdateSystemMetricsAsync_CancellationToken_ReachesTheProvider()
    {
        using var cancellation = new CancellationTokenSource();
        CancellationToken seen = default;
        _provider.Setup(p => p.ReadAsync(It.IsAny<CancellationToken>()))
            .Callback<CancellationToken>(token => seen = token)
            .ReturnsAsync(new Readings(1, 1, 1, _time.GetUtcNow()));
        var service = new SystemMetricsService(_memory, _provider.Object);

        await service.CollectAndUpdateSystemMetricsAsync(cancellation.Token);

        Assert.Equal(cancellation.Token, seen);
    }

    [Fact]
    public void Constructor_DeclaresTheSystemGaugesEvenWithAThrowingBackend()
    {
        var exception = Record.Exception(() => new SystemMetricsService(new ThrowingMetricsBackend(), _provider.Object));

        Assert.Null(exception);
    }

    [Fact]
    public void RequestRefresh_WithinIntervalAfterCompletedRefresh_ReturnsFalseAndAfterItReturnsTrue()
    {
        var reads = 0;
        _provider.Setup(p => p.ReadAsync(It.IsAny<CancellationToken>()))
            .Callback(() => Interlocked.Increment(ref reads))
            .ReturnsAsync(() => new Readings(Volatile.Read(ref reads), 1, 1, _time.GetUtcNow()));
        var service = new SystemMetricsService(_memory, _provider.Object, timeProvider: _time, refreshInterval: _interval);

        Assert.True(service.RequestRefresh());
        Assert.True(SpinWait.SpinUntil(() => _memory.GetGauge("system_memory_usage_percent") == 1, _patience));

        // Well after the first refresh finished, the clock has not moved: every request is throttled.
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < TimeSpan.FromMilliseconds(200))
        {
            Assert.False(service.RequestRefresh());
            Thread.Sleep(5);
        }

        _time.Advance(_interval - TimeSpan.FromSeconds(1));
        Assert.False(service.RequestRefresh());
        Assert.Equal(1, Volatile.Read(ref reads));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(SpinWait.SpinUntil(service.RequestRefresh, _patience));
        Assert.True(SpinWait.SpinUntil(() => _memory.GetGauge("system_memory_usage_percent") == 2, _patience));
        Assert.False(service.RequestRefresh());
    }

    [Fact]
    public async Task RequestRefresh_ProviderNeverCompletes_ReturnsAtOnceAndLaterRequestsReturnFalse()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource<Readings?>();
        _provider.Setup(p => p.ReadAsync(It.IsAny<CancellationToken>()))
            .Callback(() => started.TrySetResult())
            .Returns(never.Task);
        var service = new SystemMetricsService(_memory, _provider.Object, timeProvider: _time, refreshInterval: _interval);

        var request = Task.Run(service.RequestRefresh);
        var finished = await Task.WhenAny(request, Task.Delay(_patience));

        Assert.Same(request, finished);
        Assert.True(await request);
        await started.Task.WaitAsync(_patience);

        // Past the interval, a refresh still running blocks a second one rather than piling up.
        _time.Advance(_interval * 2);
        Assert.False(service.RequestRefresh());
        never.SetResult(null);
    }

    [Fact]
    public async Task RequestRefresh_ProviderBlocksItsThread_CallerIsNotBlocked()
    {
        using var release = new ManualResetEventSlim();
        _provider.Setup(p => p.ReadAsync(It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                release.Wait(_patience);
                return Task.FromResult<Readings?>(new Readings(1, 1, 1, _time.GetUtcNow()));
            });
        var service = new SystemMetricsService(_memory, _provider.Object, timeProvider: _time, refreshInterval: _interval);

        try
        {
            var request = Task.Run(service.RequestRefresh);
            var finished = await Task.WhenAny(request, Task.Delay(TimeSpan.FromSeconds(5)));

            Assert.Same(request, finished);
            Assert.True(await request);
            Assert.Null(_memory.GetGauge("system_memory_usage_percent"));
        }
        finally
        {
            release.Set();
        }

        Assert.True(SpinWait.SpinUntil(() => _memory.GetGauge("system_memory_usage_percent") == 1, _patience));
    }

    [Fact]
    public void RequestRefresh_ProviderThrows_LogsWarningAndNeverThrows()
    {
        var failure = new IOException("proc unreadable");
        _provider.Setup(p => p.ReadAsync(It.IsAny<CancellationToken>())).ThrowsAsync(failure);
        var logger = new RecordingLogger<SystemMetricsService>();
        var service = new SystemMetricsService(_memory, _provider.Object, logger: logger, timeProvider: _time, refreshInterval: _interval);

        Assert.True(service.RequestRefresh());

        Assert.True(SpinWait.SpinUntil(() => logger.Entries.Count > 0, _patience));
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Same(failure, entry.Exception);
    }
}
