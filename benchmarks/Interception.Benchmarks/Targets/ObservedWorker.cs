using System.Runtime.CompilerServices;

namespace Interception.Benchmarks.Targets;

/// <summary>Does nothing worth measuring; not inlined, like <see cref="Calculator"/>.</summary>
public sealed class ObservedWorker : IObservedWorker
{
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Work(int value) => value + 1;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Publish(Audience audience, bool urgent, int value) => value + 1;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int PublishByAudience(Audience audience, bool urgent, int value) => value + 1;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int PublishByUrgency(Audience audience, bool urgent, int value) => value + 1;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Tracked(int value) => value + 1;
}
