namespace Interception.Metrics;

/// <summary>
/// Machine readings at one moment, as percentages from 0 to 100. A reading that could not be taken is
/// <see cref="double.NaN"/>, never a made-up 0, and its gauge is left unchanged.
/// </summary>
/// <param name="MemoryPercent">Memory in use.</param>
/// <param name="CpuPercent">CPU busy since the previous reading.</param>
/// <param name="DiskPercent">Disk space in use on the measured path.</param>
/// <param name="CollectedAt">When the readings were taken.</param>
public sealed record SystemMetrics(double MemoryPercent, double CpuPercent, double DiskPercent, DateTimeOffset CollectedAt);
