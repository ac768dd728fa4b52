namespace Interception.Demo.Simulation;

/// <summary>The "Demo" section: how long to run, how many simulated users, which seed.</summary>
internal sealed class DemoOptions
{
    /// <summary>Seconds to run before stopping by itself; 0 runs until Ctrl+C.</summary>
    public double Duration { get; set; }

    /// <summary>Concurrent simulated webhook senders.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>Seed of the simulation's randomness.</summary>
    public int Seed { get; set; } = 42;
}
