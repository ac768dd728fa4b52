using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Interception.Benchmarks.Throughput;

/// <summary>
/// Measures the total calls per second of some threads calling timed methods in a tight loop for a fixed time: the
/// threads start together, run until the time is up, and the rate is every thread's calls over the time from the
/// start until the last thread stopped.
/// </summary>
internal static class ThroughputRun
{
    private const int CallsBetweenChecks = 1024;

    /// <summary>
    /// Runs <paramref name="calls"/> (one per thread) for <paramref name="duration"/> and returns the calls per second,
    /// how many calls were made, the processor seconds the threads used, and how many gen0 collections ran.
    /// </summary>
    public static (double CallsPerSecond, long Calls, double CpuSeconds, int Collections) Measure(IReadOnlyList<Func<int, int>> calls, TimeSpan duration)
    {
        var threads = calls.Count;
        var counts = new long[threads];
        var cpu = new double[threads];
        using var ready = new CountdownEvent(threads);
        using var go = new ManualResetEventSlim();
        var stop = new StrongBox<bool>();
        var workers = new Thread[threads];
        for (var t = 0; t < threads; t++)
        {
            var index = t;
            workers[t] = new Thread(() =>
            {
                ready.Signal();
                go.Wait();
                var before = ThreadCpuTime.Current();
                counts[index] = Loop(calls[index], stop);
                cpu[index] = ThreadCpuTime.Current() - before;
            })
            {
                IsBackground = true,
                Name = $"throughput-{t}",
            };
            workers[t].Start();
        }

        ready.Wait();
        var collections = GC.CollectionCount(0);
        var start = Stopwatch.GetTimestamp();
        go.Set();
        Thread.Sleep(duration);
        Volatile.Write(ref stop.Value, true);
        foreach (var worker in workers)
        {
            worker.Join();
        }

        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var total = counts.Sum();
        return (total / elapsed, total, cpu.Sum(), GC.CollectionCount(0) - collections);
    }

    private static long Loop(Func<int, int> call, StrongBox<bool> stop)
    {
        long calls = 0;
        var sink = 0;
        while (!Volatile.Read(ref stop.Value))
        {
            for (var i = 0; i < CallsBetweenChecks; i++)
            {
                sink += call(i);
            }

            calls += CallsBetweenChecks;
        }

        GC.KeepAlive(sink);
        return calls;
    }
}
