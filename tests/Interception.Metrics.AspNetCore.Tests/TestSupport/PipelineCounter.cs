using Microsoft.AspNetCore.Http;

namespace Interception.Metrics.AspNetCore.Tests.TestSupport;

/// <summary>The first middleware of a <see cref="TestWebApp"/>: counts the request pipelines that started and ended.</summary>
internal sealed class PipelineCounter
{
    private int _started;
    private int _ended;

    /// <summary>How many pipelines started and have not ended.</summary>
    public int Running => Volatile.Read(ref _started) - Volatile.Read(ref _ended);

    /// <summary>Whether every pipeline that started has ended.</summary>
    public bool Idle => Running == 0;

    public async Task CountAsync(HttpContext context, RequestDelegate next)
    {
        Interlocked.Increment(ref _started);
        try
        {
            await next(context);
        }
        finally
        {
            Interlocked.Increment(ref _ended);
        }
    }
}
