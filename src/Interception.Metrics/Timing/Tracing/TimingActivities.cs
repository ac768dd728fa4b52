using System.Diagnostics;

namespace Interception.Metrics.Timing.Tracing;

/// <summary>
/// The <see cref="ActivitySource"/> every timed call starts its activity from, and how an activity ends. The source
/// is one for the process, as .NET recommends: listeners subscribe to it by name, it holds no state of ours, and a
/// source per container would stay in the runtime's list of sources after its container is gone.
/// </summary>
internal static class TimingActivities
{
    /// <summary>The tag that carries a failed call's exception type (OpenTelemetry's semantic convention).</summary>
    public const string ExceptionTypeTag = "exception.type";

    /// <summary>The tag that carries the status code of an HTTP call's response.</summary>
    public const string StatusCodeTag = "http.response.status_code";

    /// <summary>The source's name, which listeners subscribe to.</summary>
    public const string SourceName = "Interception.Metrics";

    public static ActivitySource Source { get; } = new(
        SourceName,
        typeof(TimingActivities).Assembly.GetName().Version?.ToString());

    /// <summary>
    /// Sets how the call ended and stops <paramref name="activity"/>: status Error with the exception type (never its
    /// message) as description and <see cref="ExceptionTypeTag"/>, or Error for an HTTP response of 400 or more
    /// (a client call), else Ok.
    /// </summary>
    /// <param name="activity">The call's activity.</param>
    /// <param name="exceptionType">The type of the exception the caller gets; <see langword="null"/> when it got none.</param>
    /// <param name="statusCode">The status code of a returned HTTP response; 0 when there is none.</param>
    public static void Stop(Activity activity, Type? exceptionType, int statusCode)
    {
        if (exceptionType is not null)
        {
            var name = exceptionType.FullName ?? exceptionType.Name;
            activity.SetStatus(ActivityStatusCode.Error, name);
            activity.SetTag(ExceptionTypeTag, name);
        }
        else if (statusCode >= 400)
        {
            activity.SetStatus(ActivityStatusCode.Error);
        }
        else
        {
            activity.SetStatus(ActivityStatusCode.Ok);
        }

        if (statusCode > 0 && activity.IsAllDataRequested)
        {
            activity.SetTag(StatusCodeTag, statusCode);
        }

        activity.Stop();
    }
}
