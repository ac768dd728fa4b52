using System.Diagnostics.CodeAnalysis;

namespace Interception.Metrics.Autofac.Tests.Fixtures;

/// <summary>A timed job that also implements an interface with static abstract members, which no proxy can implement.</summary>
public sealed class ParsableJob : IJob, IParsable<ParsableJob>
{
    public int Run() => 4;

    public static ParsableJob Parse(string s, IFormatProvider? provider) => new();

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out ParsableJob result)
    {
        result = new ParsableJob();
        return true;
    }
}
