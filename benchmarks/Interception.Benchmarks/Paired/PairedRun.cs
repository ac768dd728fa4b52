using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Interception.Benchmarks.Paired;

/// <summary>
/// Measures small differences between cases on a machine whose load changes: BenchmarkDotNet runs its cases one after
/// another, so a change of load between two cases shows up as a difference between them. Here every round runs a
/// short burst of each case in turn, and a case's overhead is the median over the rounds of its burst's time per call
/// minus the baseline's burst of the same round.
/// </summary>
internal static class PairedRun
{
    /// <summary>Runs <paramref name="cases"/> (the first is the baseline) and returns a github-markdown table.</summary>
    public static string Run(string title, IReadOnlyList<(string Name, Func<int> Call)> cases, int rounds = 400, int burst = 20_000)
    {
        var perCall = cases.Select(_ => new double[rounds]).ToArray();
        for (var warmup = 0; warmup < 50; warmup++)
        {
            foreach (var (_, call) in cases)
            {
                Burst(call, burst);
            }
        }

        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < cases.Count; i++)
            {
                perCall[i][round] = Burst(cases[i].Call, burst);
            }
        }

        var table = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{title}: {rounds} rounds x {burst:N0} calls per case, load average {LoadAverage()}")
            .AppendLine()
            .AppendLine("| case | median ns/call | paired difference to the baseline, median (ns) | 10th-90th percentile (ns) |")
            .AppendLine("|---|---:|---:|---:|");
        for (var i = 0; i < cases.Count; i++)
        {
            var differences = perCall[i].Zip(perCall[0], (x, b) => x - b).Order().ToArray();
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {cases[i].Name}{(i == 0 ? " (baseline)" : string.Empty)} | {Median(perCall[i].Order().ToArray()):F1} | {Median(differences):+0.0;-0.0;0.0} | {differences[rounds / 10]:F1} to {differences[rounds * 9 / 10]:F1} |");
        }

        return table.ToString();
    }

    private static double Burst(Func<int> call, int calls)
    {
        var sink = 0;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            sink += call();
        }

        var elapsed = Stopwatch.GetElapsedTime(start).TotalNanoseconds / calls;
        GC.KeepAlive(sink);
        return elapsed;
    }

    private static double Median(double[] sorted) => sorted[sorted.Length / 2];

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
