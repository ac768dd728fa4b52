namespace Interception.Demo.Telegram.Simulator;

/// <summary>How the simulated Bot API behaves: latency, and the shares of calls that get a 429, a 5xx or no answer.</summary>
/// <param name="MinLatency">Least time before an answer.</param>
/// <param name="MaxLatency">Most time before an answer (latencies are spread evenly in between).</param>
/// <param name="RateLimitRate">Share of calls answered 429 Too Many Requests.</param>
/// <param name="RetryAfter">The <c>retry_after</c> of a 429, in seconds.</param>
/// <param name="ServerErrorRate">Share of calls answered 502 Bad Gateway.</param>
/// <param name="TimeoutRate">Share of calls never answered (until the client gives up).</param>
/// <param name="Seed">Seed of the draws.</param>
internal sealed record SimulatorSettings(
    TimeSpan MinLatency,
    TimeSpan MaxLatency,
    double RateLimitRate,
    int RetryAfter,
    double ServerErrorRate,
    double TimeoutRate,
    int Seed);
