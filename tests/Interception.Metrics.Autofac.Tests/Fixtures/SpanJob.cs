namespace Interception.Metrics.Autofac.Tests.Fixtures;

public sealed class SpanJob : ISpanJob
{
    public int Sum(ReadOnlySpan<int> values)
    {
        var sum = 0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
    }

    public int Count() => 2;
}
