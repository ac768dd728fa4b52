namespace Interception.Demo.Telegram.Simulator;

/// <summary>How the simulated Bot API answers one call.</summary>
internal enum SimulatedOutcome
{
    /// <summary>200 with the method's result.</summary>
    Answer,

    /// <summary>429 Too Many Requests with <c>retry_after</c>.</summary>
    RateLimited,

    /// <summary>502 Bad Gateway.</summary>
    ServerError,

    /// <summary>No answer until the client gives up.</summary>
    NoAnswer,
}
