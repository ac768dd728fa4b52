using Interception.Metrics.Reliability.Tests.Fixtures;

namespace Interception.Metrics.Reliability.Tests.TestSupport;

/// <summary>
/// Calls an <see cref="ILoadTarget"/> in a fixed mix (3/10 sync success, 1/10 divide by zero, 1/10 thrown failure,
/// 2/10 async success, 1/10 faulted task, 1/10 canceled task, 1/10 value task) and tallies what the caller saw.
/// A caller that gets another exception instance than the target threw fails the run.
/// </summary>
internal static class LoadDriver
{
    /// <summary>The methods the mix calls.</summary>
    public static readonly string[] Methods = ["Add", "Divide", "Fail", "AddAsync", "FailAsync", "CancelAsync", "DoubleAsync"];

    /// <summary>Makes calls number <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1.</summary>
    public static CallOutcomes Run(ILoadTarget target, int first, int count)
    {
        var outcomes = new CallOutcomes();
        for (var i = first; i < first + count; i++)
        {
            Call(target, i, outcomes);
        }

        return outcomes;
    }

    /// <summary>
    /// Runs <paramref name="threads"/> dedicated threads, started together, each resolving its target with
    /// <paramref name="resolve"/> and making <paramref name="callsPerThread"/> calls.
    /// </summary>
    /// <exception cref="TimeoutException">The threads did not finish within <paramref name="timeout"/>.</exception>
    public static CallOutcomes RunOnThreads(Func<ILoadTarget> resolve, int threads, int callsPerThread, TimeSpan timeout)
    {
        var results = new CallOutcomes[threads];
        var errors = new Exception?[threads];
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            try
            {
                var target = resolve();
                start.SignalAndWait();
                results[t] = Run(target, t * callsPerThread, callsPerThread);
            }
            catch (Exception exception)
            {
                errors[t] = exception;
            }
        })
        { IsBackground = true, Name = $"load-{t}" }).ToArray();

        foreach (var worker in workers)
        {
            worker.Start();
        }

        var deadline = DateTime.UtcNow + timeout;
        foreach (var worker in workers)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !worker.Join(left))
            {
                throw new TimeoutException($"{threads} threads x {callsPerThread} calls did not finish within {timeout}.");
            }
        }

        if (errors.FirstOrDefault(e => e is not null) is { } error)
        {
            throw new InvalidOperationException("A load thread failed.", error);
        }

        var total = new CallOutcomes();
        foreach (var result in results)
        {
            total.Merge(result);
        }

        return total;
    }

    private static void Call(ILoadTarget target, int i, CallOutcomes outcomes)
    {
        switch (i % 10)
        {
            case 0 or 1 or 2:
                outcomes.Returned("Add", target.Add(i, 1));
                break;
            case 3:
                try
                {
                    outcomes.Returned("Divide", target.Divide(i, 0));
                }
                catch (DivideByZeroException exception)
                {
                    outcomes.Threw("Divide", "failed", exception);
                }

                break;
            case 4:
                try
                {
                    outcomes.Returned("Fail", target.Fail(i));
                }
                catch (InvalidOperationException exception)
                {
                    Assert.Same(target.Failure, exception);
                    outcomes.Threw("Fail", "failed", exception);
                }

                break;
            case 5 or 6:
                outcomes.Returned("AddAsync", target.AddAsync(i, 2).GetAwaiter().GetResult());
                break;
            case 7:
                try
                {
                    target.FailAsync(i).GetAwaiter().GetResult();
                    outcomes.Returned("FailAsync", 0);
                }
                catch (InvalidOperationException exception)
                {
                    Assert.Same(target.Failure, exception);
                    outcomes.Threw("FailAsync", "failed", exception);
                }

                break;
            case 8:
                try
                {
                    outcomes.Returned("CancelAsync", target.CancelAsync(i).GetAwaiter().GetResult());
                }
                catch (OperationCanceledException exception)
                {
                    outcomes.Threw("CancelAsync", "canceled", exception);
                }

                break;
            default:
                outcomes.Returned("DoubleAsync", target.DoubleAsync(i).GetAwaiter().GetResult());
                break;
        }
    }
}
