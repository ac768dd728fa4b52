using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Interception.Benchmarks.Throughput;

/// <summary>
/// The throughput mode (<c>-- --throughput</c>): total calls per second of 1, 2 and more threads calling one timed
/// method (the same series) or one timed method each (a series each), for every contender. BenchmarkDotNet's per-call
/// numbers of multi-threaded runs do not repeat on a small shared machine; here each measurement is a fixed time, the
/// contenders take turns within every repetition (so that a change of load hits them all), and the table reports the
/// median and the range over the repetitions. At the end, every contender's metrics must hold exactly the calls made.
/// </summary>
internal static class ThroughputMode
{
    /// <summary>Parses <c>--duration SECONDS</c>, <c>--repetitions N</c>, <c>--threads 1,2,4</c>, <c>--contenders A,B</c> and runs.</summary>
    public static string Run(IReadOnlyList<string> args)
    {
        var duration = TimeSpan.FromSeconds(1);
        var repetitions = 5;
        // One series each needs a lane per thread: at most LaneCalculator.Lanes threads.
        int[] threads = [.. new[] { 1, 2, Environment.ProcessorCount, 2 * Environment.ProcessorCount }.Where(t => t <= Targets.LaneCalculator.Lanes).Distinct().Order()];
        HashSet<string>? only = null;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--duration":
                    duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture));
                    break;
                case "--repetitions":
                    repetitions = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--threads":
                    threads = [.. value.Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture))];
                    break;
                case "--contenders":
                    only = [.. value.Split(',')];
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}: use --duration, --repetitions, --threads or --contenders.");
            }

            i++;
        }

        if (threads.Any(t => t is < 1 or > Targets.LaneCalculator.Lanes))
        {
            throw new ArgumentException($"Thread counts must be from 1 to {Targets.LaneCalculator.Lanes}.");
        }

        using var contenders = new ThroughputContenders(only);
        return Measure(contenders.All, threads, duration, repetitions);
    }

    private static string Measure(IReadOnlyList<ThroughputContender> contenders, int[] threads, TimeSpan duration, int repetitions)
    {
        // One thread on the same series is one thread on a series of its own: measured once, as "same".
        var cases = threads.SelectMany(t => t == 1 ? new[] { (Threads: t, Same: true) } : [(t, true), (t, false)]).ToArray();
        var rates = contenders.ToDictionary(c => c, _ => cases.ToDictionary(c => c, _ => new List<double>()));
        var perCpu = contenders.ToDictionary(c => c, _ => cases.ToDictionary(c => c, _ => new List<double>()));
        var cores = contenders.ToDictionary(c => c, _ => cases.ToDictionary(c => c, _ => new List<double>()));
        var collections = contenders.ToDictionary(c => c, _ => cases.ToDictionary(c => c, _ => new List<double>()));
        var made = contenders.ToDictionary(c => c, _ => 0L);
        var loadBefore = LoadAverage();
        var started = DateTime.UtcNow;

        foreach (var contender in contenders)
        {
            foreach (var @case in cases)
            {
                made[contender] += ThroughputRun.Measure(Calls(contender, @case), TimeSpan.FromMilliseconds(300)).Calls;
            }
        }

        // Each contender runs its cases back to back, so that the ratio of a case to the one-thread case of the same
        // repetition compares runs made seconds apart, under about the same load.
        for (var repetition = 0; repetition < repetitions; repetition++)
        {
            foreach (var contender in contenders)
            {
                foreach (var @case in cases)
                {
                    var (rate, calls, cpuSeconds, gen0) = ThroughputRun.Measure(Calls(contender, @case), duration);
                    collections[contender][@case].Add(gen0 * rate / calls);
                    rates[contender][@case].Add(rate);
                    perCpu[contender][@case].Add(calls / cpuSeconds);
                    cores[contender][@case].Add(cpuSeconds * rate / calls);
                    made[contender] += calls;
                }
            }

            Console.Error.WriteLine($"repetition {repetition + 1}/{repetitions} done");
        }

        var table = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Throughput: {repetitions} repetitions x {duration.TotalSeconds:0.###} s per case, contenders in turn; {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}")
            .AppendLine(CultureInfo.InvariantCulture, $"Started {started:yyyy-MM-dd HH:mm} UTC; load average before {loadBefore}, after {LoadAverage()}.")
            .AppendLine()
            .AppendLine("/ 1 thread: each repetition's rate over the same contender's 1-thread rate of that repetition (run seconds apart), median and range over the repetitions. Cores used: the threads' processor seconds over the wall time, how many cores the machine gave them on average. Per-CPU rate: calls per second of processor time, what a call costs while its thread runs. The last column is the throughput the threads would have with a core each if every call cost what it cost here. A gen0 collection stops every thread of the process.")
            .AppendLine()
            .AppendLine("| contender | threads | series | median M calls/s | range (min-max) | / 1 thread, same repetition: median (range) | cores used (median) | median M calls per CPU-second | range (min-max) | threads x per-CPU rate / 1-thread per-CPU rate | gen0 GCs/s (median) |")
            .AppendLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var contender in contenders)
        {
            var single = rates[contender][(1, true)];
            var singlePerCpu = Median(perCpu[contender][(1, true)]);
            foreach (var @case in cases)
            {
                var values = rates[contender][@case];
                var efficiency = perCpu[contender][@case];
                var paired = values.Zip(single, (rate, one) => rate / one).ToList();
                table.AppendLine(CultureInfo.InvariantCulture,
                    $"| {contender.Name} | {@case.Threads} | {(@case.Same ? "same" : "own")} | {Median(values) / 1e6:F2} | {values.Min() / 1e6:F2}-{values.Max() / 1e6:F2} | {Median(paired):F2} x ({paired.Min():F2}-{paired.Max():F2}) | {Median(cores[contender][@case]):F2} | {Median(efficiency) / 1e6:F2} | {efficiency.Min() / 1e6:F2}-{efficiency.Max() / 1e6:F2} | {@case.Threads * Median(efficiency) / singlePerCpu:F2} x | {Median(collections[contender][@case]):F0} |");
            }
        }

        table.AppendLine().AppendLine("Calls made and calls recorded by each contender's metrics (successful calls, every case and the warm-up):").AppendLine();
        foreach (var contender in contenders)
        {
            var recorded = contender.RecordedCalls();
            var verdict = double.IsNaN(recorded) ? "not read (nothing to read back)" : recorded == made[contender] ? "exact" : "MISMATCH";
            table.AppendLine(CultureInfo.InvariantCulture, $"- {contender.Name}: made {made[contender]:N0}, recorded {(double.IsNaN(recorded) ? "-" : recorded.ToString("N0", CultureInfo.InvariantCulture))}: {verdict}");
        }

        return table.ToString();
    }

    private static Func<int, int>[] Calls(ThroughputContender contender, (int Threads, bool Same) @case) =>
        [.. Enumerable.Range(0, @case.Threads).Select(t => @case.Same ? contender.Same : contender.Lanes[t])];

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
