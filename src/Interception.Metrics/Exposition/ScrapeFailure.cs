using Microsoft.Extensions.Logging;

namespace Interception.Metrics;

/// <summary>
/// What every HTTP endpoint of the exposition (<c>MapMetricsEndpoint</c> and the standalone Prometheus server) does
/// when rendering fails: the scraper going away is not a failure; anything else is logged as a warning and answered
/// 503 with <see cref="ResponseText"/> before the response has started, or by aborting the connection after, so that a
/// scraper never takes a truncated exposition for a whole one.
/// </summary>
internal static class ScrapeFailure
{
    /// <summary>The body of the 503 answer: the reason is in the log, not sent to whoever scrapes.</summary>
    public const string ResponseText = "Scrape failed: the metrics could not be rendered; see the application's log.\n";

    /// <summary>The warning logged with the exception.</summary>
    public const string LogMessage = "Rendering the metrics exposition failed; the scrape was answered 503, or cut off if the response had started.";

    /// <summary>Whether <paramref name="exception"/> only says that the scraper went away.</summary>
    public static bool IsScraperGone(Exception exception, CancellationToken requestAborted) =>
        exception is OperationCanceledException && requestAborted.IsCancellationRequested;

    /// <summary>Logs <see cref="LogMessage"/> with <paramref name="exception"/>; a logger that throws does not change the answer.</summary>
    public static void Log(ILogger logger, Exception exception)
    {
        try
        {
            logger.LogWarning(exception, LogMessage);
        }
        catch (Exception)
        {
            // The scrape is still answered 503 or cut off; only the log entry is lost.
        }
    }
}
