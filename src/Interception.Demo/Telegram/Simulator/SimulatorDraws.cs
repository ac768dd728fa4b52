namespace Interception.Demo.Telegram.Simulator;

/// <summary>The simulated Bot API's seeded randomness: each call's latency and outcome. Safe to share between threads.</summary>
internal sealed class SimulatorDraws(SimulatorSettings settings)
{
    private readonly Random _random = new(settings.Seed);
    private readonly Lock _gate = new();

    public (TimeSpan Latency, SimulatedOutcome Outcome) Next()
    {
        double spread, draw;
        lock (_gate)
        {
            spread = _random.NextDouble();
            draw = _random.NextDouble();
        }

        var latency = settings.MinLatency + ((settings.MaxLatency - settings.MinLatency) * spread);
        var outcome = draw < settings.RateLimitRate ? SimulatedOutcome.RateLimited
            : draw < settings.RateLimitRate + settings.ServerErrorRate ? SimulatedOutcome.ServerError
            : draw < settings.RateLimitRate + settings.ServerErrorRate + settings.TimeoutRate ? SimulatedOutcome.NoAnswer
            : SimulatedOutcome.Answer;
        return (latency, outcome);
    }
}
