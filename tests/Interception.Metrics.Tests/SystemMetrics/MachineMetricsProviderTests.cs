using Interception.Metrics.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Interception.Metrics.Tests.SystemMetrics;

public sealed class MachineMetricsProviderTests : IDisposable
{
    // user nice system idle iowait irq softirq steal guest guest_nice: 1000 jiffies counted, 800 idle (idle + iowait).
    private const string FirstStat = "cpu  100 0 100 700 100 0 0 0 50 0\ncpu0 100 0 100 700 100 0 0 0 50 0\nintr 1 2 3\n";

    // 2000 counted, 1500 idle: between the two, 1000 jiffies passed and 300 were busy (30 %); guest time is not counted twice.
    private const string SecondStat = "cpu  250 0 250 1200 300 0 0 0 90 0\ncpu0 250 0 250 1200 300 0 0 0 90 0\nintr 1 2 3\n";

    private const string MemInfo = "MemTotal:       16000000 kB\nMemFree:         1000000 kB\nMemAvailable:    4000000 kB\nBuffers:          100000 kB\n";

    private static readonly TimeSpan _sampleInterval = TimeSpan.FromMilliseconds(100);

    private readonly TempDirectory _proc = new();
    private readonly TempDirectory _disk = new();
    private readonly FakeTimeProvider _time = new();

    public void Dispose()
    {
        _proc.Dispose();
        _disk.Dispose();
    }

    [Fact]
    public async Task ReadAsync_FakeMeminfo_ComputesUsedShareFromTotalAndAvailable()
    {
        _proc.Write("meminfo", MemInfo);
        _proc.Write("stat", FirstStat);
        var provider = CreateProvider(TimeSpan.Zero);

        var readings = await provider.ReadAsync();

        Assert.NotNull(readings);
        Assert.Equal(75, readings.MemoryPercent, 10);
    }

    [Fact]
    public async Task ReadAsync_FirstReading_SamplesStatTwiceAcrossTheIntervalAndComputesBusyShare()
    {
        _proc.Write("meminfo", MemInfo);
        _proc.Write("stat", FirstStat);
        var provider = CreateProvider(_sampleInterval);

        var reading = provider.ReadAsync();
        Assert.False(reading.IsCompleted);
        _proc.Write("stat", SecondStat);
        _time.Advance(_sampleInterval);
        var readings = await reading.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.NotNull(readings);
        Assert.Equal(30, readings.CpuPercent, 10);
        Assert.Equal(_time.GetUtcNow(), readings.CollectedAt);
    }

    [Fact]
    public async Task ReadAsync_LaterReading_ComputesBusyShareSincePreviousReadingWithoutWaiting()
    {
        _proc.Write("meminfo", MemInfo);
        _proc.Write("stat", FirstStat);
        var provider = CreateProvider(TimeSpan.Zero);
        var first = await provider.ReadAsync();

        _proc.Write("stat", SecondStat);
        var second = provider.ReadAsync();

        Assert.True(second.IsCompleted);
        var readings = await second;
        Assert.NotNull(first);
        Assert.True(double.IsNaN(first.CpuPercent));
        Assert.NotNull(readings);
        Assert.Equal(30, readings.CpuPercent, 10);
    }

    [Fact]
    public async Task ReadAsync_StatUnchangedBetweenReadings_CpuIsNaNNotZero()
    {
        _proc.Write("meminfo", MemInfo);
        _proc.Write("stat", FirstStat);
        var provider = CreateProvider(TimeSpan.Zero);

        var readings = await provider.ReadAsync();

        Assert.NotNull(readings);
        Assert.True(double.IsNaN(readings.CpuPercent));
    }

    [Fact]
    public async Task ReadAsync_MissingProcFiles_MemoryAndCpuAreNaNNotZero()
    {
        var provider = CreateProvider(TimeSpan.Zero);

        var readings = await provider.ReadAsync();

        Assert.NotNull(readings);
        Assert.True(double.IsNaN(readings.MemoryPercent));
        Assert.True(double.IsNaN(readings.CpuPercent));
        Assert.InRange(readings.DiskPercent, 0, 100);
    }

    [Theory]
    [InlineData("MemTotal: 1000 kB\n")]
    [InlineData("MemAvailable: 1000 kB\n")]
    [InlineData("MemTotal: 0 kB\nMemAvailable: 0 kB\n")]
    [InlineData("MemTotal: lots kB\nMemAvailable: 10 kB\n")]
    public async Task ReadAsync_IncompleteMeminfo_MemoryIsNaN(string meminfo)
    {
        _proc.Write("meminfo", meminfo);
        var provider = CreateProvider(TimeSpan.Zero);

        var readings = await provider.ReadAsync();

        Assert.NotNull(readings);
        Assert.True(double.IsNaN(readings.MemoryPercent));
    }

    [Fact]
    public async Task ReadAsync_AvailableAboveTotal_MemoryIsZeroNotNegative()
    {
        _proc.Write("meminfo", "MemTotal: 1000 kB\nMemAvailable: 1500 kB\n");
        var provider = CreateProvider(TimeSpan.Zero);

        var readings = await provider.ReadAsync();

        Assert.NotNull(readings);
        Assert.Equal(0, readings.MemoryPercent);
    }

    [Theory]
    [InlineData("cpu  1 2 3\n")]
    [InlineData("cpu  a b c d\n")]
    [InlineData("intr 1 2 3\n")]
    public async Task ReadAsync_MalformedStat_CpuIsNaN(string stat)
    {
        _proc.Write("meminfo", MemInfo);
        _proc.Write("stat", stat);
        var provider = CreateProvider(TimeSpan.Zero);

        var readings = await provider.ReadAsync();

        Assert.NotNull(readings);
        Assert.True(double.IsNaN(readings.CpuPercent));
        Assert.Equal(75, readings.MemoryPercent, 10);
    }

    [Fact]
    public async Task ReadAsync_MissingDiskPath_DiskIsNaN()
    {
        _proc.Write("meminfo", MemInfo);
        var provider = new MachineMetricsProvider(Path.Combine(_disk.Path, "does", "not", "exist"), _proc.Path, _time, TimeSpan.Zero);

        var readings = await provider.ReadAsync();

        Assert.NotNull(readings);
        Assert.True(double.IsNaN(readings.DiskPercent));
        Assert.Equal(75, readings.MemoryPercent, 10);
    }

    [Fact]
    public async Task ReadAsync_NothingReadable_IsUnavailableAndReturnsNull()
    {
        var missing = Path.Combine(_disk.Path, "missing");
        var provider = new MachineMetricsProvider(missing, Path.Combine(_proc.Path, "missing"), _time, TimeSpan.Zero);

        Assert.False(provider.IsAvailable);
        Assert.Null(await provider.ReadAsync());
    }

    [Fact]
    public async Task ReadAsync_CanceledDuringFirstSample_ThrowsOperationCanceled()
    {
        _proc.Write("stat", FirstStat);
        var provider = CreateProvider(_sampleInterval);
        using var cancellation = new CancellationTokenSource();

        var reading = provider.ReadAsync(cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
    }

    [LinuxFact]
    public async Task ReadAsync_RealMachine_GivesPercentagesWithinZeroAndHundred()
    {
        var provider = new MachineMetricsProvider();

        var readings = await provider.ReadAsync();

        Assert.True(provider.IsAvailable);
        Assert.NotNull(readings);
        Assert.InRange(readings.MemoryPercent, 0, 100);
        Assert.InRange(readings.DiskPercent, 0, 100);
        if (!double.IsNaN(readings.CpuPercent))
        {
            Assert.InRange(readings.CpuPercent, 0, 100);
        }

        var second = await provider.ReadAsync();
        Assert.NotNull(second);
        Assert.True(double.IsNaN(second.CpuPercent) || second.CpuPercent is >= 0 and <= 100);
    }

    private MachineMetricsProvider CreateProvider(TimeSpan firstSampleInterval) =>
        new(_disk.Path, _proc.Path, _time, firstSampleInterval);
}
