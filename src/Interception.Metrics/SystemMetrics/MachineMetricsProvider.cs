using System.Globalization;

namespace Interception.Metrics;

/// <summary>
/// Reads the running machine: memory and CPU from <c>/proc</c> on Linux, disk usage of a path anywhere.
/// A reading that cannot be taken (memory and CPU off Linux, a missing path) is <see cref="double.NaN"/>.
/// </summary>
/// <remarks>
/// CPU usage is the busy share of all cores between two readings. The first reading samples twice, a short
/// interval apart, with an asynchronous delay: no thread is blocked.
/// </remarks>
public sealed class MachineMetricsProvider : ISystemMetricsProvider
{
    private readonly string _procRoot;
    private readonly string _diskPath;
    private readonly TimeProvider _time;
    private readonly TimeSpan _firstSampleInterval;
    private readonly Lock _gate = new();
    private (ulong Busy, ulong Total)? _previousCpu;

    /// <summary>Creates a provider for this machine.</summary>
    /// <param name="diskPath">The path whose file system is measured; the root of the current directory when <see langword="null"/>.</param>
    public MachineMetricsProvider(string? diskPath = null)
        : this(diskPath, "/proc", TimeProvider.System, TimeSpan.FromMilliseconds(100))
    {
    }

    internal MachineMetricsProvider(string? diskPath, string procRoot, TimeProvider time, TimeSpan firstSampleInterval)
    {
        _diskPath = diskPath ?? Path.GetPathRoot(Environment.CurrentDirectory) ?? "/";
        _procRoot = procRoot;
        _time = time;
        _firstSampleInterval = firstSampleInterval;
    }

    /// <inheritdoc />
    public bool IsAvailable => File.Exists(Path.Combine(_procRoot, "meminfo")) || Directory.Exists(_diskPath);

    /// <inheritdoc />
    public async Task<SystemMetrics?> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (!IsAvailable)
        {
            return null;
        }

        var cpu = await ReadCpuPercentAsync(cancellationToken).ConfigureAwait(false);
        return new SystemMetrics(ReadMemoryPercent(), cpu, ReadDiskPercent(), _time.GetUtcNow());
    }

    private double ReadMemoryPercent()
    {
        try
        {
            ulong? total = null;
            ulong? available = null;
            foreach (var line in File.ReadLines(Path.Combine(_procRoot, "meminfo")))
            {
                if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
                {
                    total = ParseKilobytes(line);
                }
                else if (line.StartsWith("MemAvailable:", StringComparison.Ordinal))
                {
                    available = ParseKilobytes(line);
                }
            }

            return total is > 0 && available is not null
                ? 100.0 * (total.Value - Math.Min(available.Value, total.Value)) / total.Value
                : double.NaN;
        }
        catch (IOException)
        {
            return double.NaN;
        }
        catch (UnauthorizedAccessException)
        {
            return double.NaN;
        }
    }

    private async Task<double> ReadCpuPercentAsync(CancellationToken cancellationToken)
    {
        var current = ReadCpuTimes();
        if (current is null)
        {
            return double.NaN;
        }

        (ulong Busy, ulong Total)? previous;
        lock (_gate)
        {
            previous = _previousCpu;
        }

        if (previous is null)
        {
            await Task.Delay(_firstSampleInterval, _time, cancellationToken).ConfigureAwait(false);
            previous = current;
            current = ReadCpuTimes();
            if (current is null)
            {
                return double.NaN;
            }
        }

        lock (_gate)
        {
            _previousCpu = current;
        }

        var total = current.Value.Total - previous.Value.Total;
        var busy = current.Value.Busy - previous.Value.Busy;
        return current.Value.Total <= previous.Value.Total || current.Value.Busy < previous.Value.Busy
            ? double.NaN
            : Math.Clamp(100.0 * busy / total, 0, 100);
    }

    private (ulong Busy, ulong Total)? ReadCpuTimes()
    {
        try
        {
            var line = File.ReadLines(Path.Combine(_procRoot, "stat")).FirstOrDefault(l => l.StartsWith("cpu ", StringComparison.Ordinal));
            if (line is null)
            {
                return null;
            }

            // user nice system idle iowait irq softirq steal ...: idle and iowait are the idle time.
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(f => ulong.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            if (fields.Length < 4)
            {
                return null;
            }

            var total = fields.Take(Math.Min(fields.Length, 8)).Aggregate(0UL, (a, b) => a + b);
            var idle = fields[3] + (fields.Length > 4 ? fields[4] : 0);
            return (total - idle, total);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            return null;
        }
    }

    private double ReadDiskPercent()
    {
        try
        {
            var drive = new DriveInfo(_diskPath);
            return drive.TotalSize > 0 ? 100.0 * (drive.TotalSize - drive.AvailableFreeSpace) / drive.TotalSize : double.NaN;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return double.NaN;
        }
    }

    private static ulong? ParseKilobytes(string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
