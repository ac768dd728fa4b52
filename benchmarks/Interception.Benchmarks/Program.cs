using BenchmarkDotNet.Running;

namespace Interception.Benchmarks;

/// <summary>
/// Runs the suite: <c>dotnet run -c Release --project benchmarks/Interception.Benchmarks -- --filter '*'</c>.
/// Exits with 1 when a benchmark failed (a throwing setup, a build error, a validation error), so that CI's dry
/// run catches a suite that rotted. <c>-- --paired</c> runs <see cref="Paired.ObservationPairs"/> instead, and
/// <c>-- --throughput</c> the multi-threaded throughput mode (<see cref="Throughput.ThroughputMode"/>).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args is ["--paired"])
        {
            Console.WriteLine(Paired.ObservationPairs.Run());
            return 0;
        }

        if (args is ["--throughput", .. var options])
        {
            Console.WriteLine(Throughput.ThroughputMode.Run(options));
            return 0;
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        var failed = summaries
            .Where(s => s.HasCriticalValidationErrors)
            .Select(s => $"{s.Title}: validation errors")
            .Concat(summaries.SelectMany(s => s.BenchmarksCases
                .Where(c => s[c] is not { Success: true, ResultStatistics: not null })
                .Select(c => $"{c.DisplayInfo}: failed")))
            .ToArray();
        foreach (var failure in failed)
        {
            Console.Error.WriteLine(failure);
        }

        return failed.Length == 0 ? 0 : 1;
    }
}
