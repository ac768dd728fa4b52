namespace Interception.Demo.Reporting;

/// <summary>A count that many threads add to.</summary>
internal sealed class Tally
{
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    public void Add(double count) => Interlocked.Add(ref _value, (long)count);
}
