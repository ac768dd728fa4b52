namespace Interception.Demo.Simulation;

/// <summary>The demo's one source of randomness: seeded, so a run can be repeated, and safe to share between threads.</summary>
internal sealed class ChaosSource(int seed)
{
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();

    public bool Chance(double probability)
    {
        lock (_gate)
        {
            return _random.NextDouble() < probability;
        }
    }

    public int Next(int minInclusive, int maxExclusive)
    {
        lock (_gate)
        {
            return _random.Next(minInclusive, maxExclusive);
        }
    }
}
