namespace Interception.Demo.Tests.TestSupport;

/// <summary>Command lines the tests start the demo with.</summary>
internal static class DemoArguments
{
    /// <summary>
    /// No built-in load, and a Bot API that answers every call at once: what the test sends is all that happens. The
    /// request timeout is a minute, so that a machine busy with other work never turns a slow answer into a cancellation.
    /// </summary>
    public static readonly string[] QuietAndReliable =
    [
        "--no-load",
        "--Telegram:RequestTimeout=00:01:00",
        "--Telegram:Simulator:MinLatency=00:00:00",
        "--Telegram:Simulator:MaxLatency=00:00:00",
        "--Telegram:Simulator:RateLimitRate=0",
        "--Telegram:Simulator:ServerErrorRate=0",
        "--Telegram:Simulator:TimeoutRate=0",
    ];
}
