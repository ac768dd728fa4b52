namespace Interception.Benchmarks.Throughput;

/// <summary>
/// One contender of the throughput mode: the call every thread makes when all record into the same series, the
/// calls of the lanes when each thread records into a series of its own, and how many successful calls its metrics
/// hold (to check that every call was recorded, none twice).
/// </summary>
/// <param name="Name">The contender's row name.</param>
/// <param name="Same">The one timed method all threads call for the same-series case.</param>
/// <param name="Lanes">One timed method per thread for the own-series case: lane <c>i</c> records into a series of its own.</param>
/// <param name="RecordedCalls">Reads the successful calls recorded so far by the contender's metrics, over both cases.</param>
internal sealed record ThroughputContender(string Name, Func<int, int> Same, IReadOnlyList<Func<int, int>> Lanes, Func<double> RecordedCalls);
