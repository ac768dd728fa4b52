namespace Interception.Demo.Reporting;

/// <summary>Calls, failed and canceled calls, and recent durations of one timed operation, for the console.</summary>
internal sealed class OperationStats(string kind, string name)
{
    private const int Window = 2048;
    private readonly double[] _recent = new double[Window];
    private readonly Lock _gate = new();
    private long _calls;
    private long _failed;
    private long _canceled;
    private long _observations;

    public string Kind { get; } = kind;

    public string Name { get; } = name;

    public long Calls => Interlocked.Read(ref _calls);

    public long Failed => Interlocked.Read(ref _failed);

    public long Canceled => Interlocked.Read(ref _canceled);

    public void Count(CallOutcome outcome, double count)
    {
        var whole = (long)count;
        Interlocked.Add(ref _calls, whole);
        if (outcome == CallOutcome.Failed)
        {
            Interlocked.Add(ref _failed, whole);
        }
        else if (outcome == CallOutcome.Canceled)
        {
            Interlocked.Add(ref _canceled, whole);
        }
    }

    public void Observe(double seconds)
    {
        lock (_gate)
        {
            _recent[_observations++ % Window] = seconds;
        }
    }

    /// <summary>The 50th and 95th percentiles of the most recent durations, in milliseconds.</summary>
    public (double P50, double P95) Percentiles()
    {
        double[] copy;
        lock (_gate)
        {
            copy = _recent[..(int)Math.Min(_observations, Window)];
        }

        if (copy.Length == 0)
        {
            return (double.NaN, double.NaN);
        }

        Array.Sort(copy);
        return (1000 * copy[(int)(0.5 * (copy.Length - 1))], 1000 * copy[(int)(0.95 * (copy.Length - 1))]);
    }
}
