using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Interception.Metrics.AspNetCore;

/// <summary>
/// Records <c>http_requests_total{method,endpoint,status}</c> and <c>http_request_duration_seconds{method,endpoint}</c>
/// for every request, through the collector's fan-out (every configured backend, the cardinality cap).
/// </summary>
/// <remarks>
/// <para>
/// The endpoint and status are read when the request ends, so the middleware may come before <c>UseRouting</c> and
/// before <c>UseExceptionHandler</c>: an exception that the handler turns into a response counts with the original
/// endpoint and the status the handler wrote; one that escapes counts 500 (what Kestrel sends) and is rethrown as it
/// is; a request the client aborted before a response started counts 499; a response already started keeps its code.
/// A request re-executed by the exception handler or the status code pages is counted once, on its first pass.
/// </para>
/// <para>
/// Hot path: the endpoint's series are cached on the <see cref="Endpoint"/> object (weakly, so that endpoints a data
/// source replaces are collected), then per method and status code, so a known request does a reference lookup, a few
/// comparisons and two bound-series recordings, with no string or dictionary built.
/// </para>
/// </remarks>
internal sealed class RequestMetricsMiddleware
{
    private readonly RequestDelegate _next;
    private readonly IMetricsBackend _backend;
    private readonly RequestMetricsOptions _options;
    private readonly PathString[] _excludedPaths;
    private readonly bool _trackInProgress;
    private readonly ILogger _logger;
    private readonly ConditionalWeakTable<Endpoint, EndpointSeries> _endpoints = [];
    private readonly ConditionalWeakTable<Endpoint, EndpointSeries>.CreateValueCallback _describe;
    private readonly EndpointSeries _unmatched;
    private int _failureLogged;

    public RequestMetricsMiddleware(RequestDelegate next, IMetricsBackend backend, RequestMetricsOptions options, ILogger logger)
    {
        _next = next;
        _backend = backend;
        _options = options;
        _excludedPaths = [.. options.ExcludedPaths.Select(p => new PathString(p.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/"))];
        _trackInProgress = options.TrackInProgress;
        _logger = logger;
        _describe = endpoint => EndpointSeries.For(endpoint, _backend, _options);
        _unmatched = EndpointSeries.For(null, backend, options);
    }

    public Task InvokeAsync(HttpContext context)
    {
        if (IsExcludedPath(context.Request.Path) || IsReExecution(context))
        {
            return _next(context);
        }

        var start = Stopwatch.GetTimestamp();
        var method = HttpMethodLabel.IndexOf(context.Request.Method);
        var inProgress = _trackInProgress ? Enter(context, method) : null;
        Task task;
        try
        {
            task = _next(context);
        }
        catch (Exception exception)
        {
            Record(context, method, start, inProgress, exception);
            throw;
        }

        if (task.IsCompletedSuccessfully)
        {
            Record(context, method, start, inProgress, null);
            return Task.CompletedTask;
        }

        return AwaitAsync(task, context, method, start, inProgress);
    }

    private async Task AwaitAsync(Task task, HttpContext context, int method, long start, RouteSeries? inProgress)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Record(context, method, start, inProgress, exception);
            throw;
        }

        Record(context, method, start, inProgress, null);
    }

    /// <summary>The status the client got: see the remarks of the class.</summary>
    private static int StatusCode(HttpContext context, Exception? exception)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return response.StatusCode;
        }

        // The feature, not HttpContext.RequestAborted: on a context without it (a test host's), that getter creates one.
        if (context.Features.Get<IHttpRequestLifetimeFeature>()?.RequestAborted.IsCancellationRequested == true)
        {
            return 499;
        }

        return exception switch
        {
            null => response.StatusCode,
            BadHttpRequestException bad => bad.StatusCode,
            _ => StatusCodes.Status500InternalServerError,
        };
    }

    /// <summary>
    /// The endpoint the request was routed to. The exception handler clears it before re-executing the pipeline and
    /// keeps the original in its feature; the status code pages do the same.
    /// </summary>
    private static Endpoint? EndpointOf(HttpContext context) =>
        context.Features.Get<IExceptionHandlerFeature>() is { } handled ? handled.Endpoint
        : context.Features.Get<IStatusCodeReExecuteFeature>() is { } reExecuted ? reExecuted.Endpoint
        : context.GetEndpoint();

    private static bool IsReExecution(HttpContext context) =>
        context.Features.Get<IExceptionHandlerFeature>() is not null || context.Features.Get<IStatusCodeReExecuteFeature>() is not null;

    private RouteSeries? Enter(HttpContext context, int method)
    {
        var endpoint = Describe(context.GetEndpoint());
        if (endpoint.Excluded)
        {
            return null;
        }

        var series = endpoint.ForMethod(method);
        series.Enter();
        return series;
    }

    private void Record(HttpContext context, int method, long start, RouteSeries? inProgress, Exception? exception)
    {
        // Recording must never change the response: the fan-out already isolates backends, this guards the rest.
        try
        {
            var seconds = (Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency;
            inProgress?.Exit();
            var endpoint = Describe(EndpointOf(context));
            if (!endpoint.Excluded)
            {
                endpoint.ForMethod(method).Record(StatusCode(context, exception), seconds);
            }
        }
        catch (Exception failure) when (Interlocked.Exchange(ref _failureLogged, 1) == 0)
        {
            _logger.LogError(failure, "Recording HTTP request metrics failed; the request was not affected. Further failures are not logged.");
        }
        catch (Exception)
        {
            // Logged once above.
        }
    }

    private EndpointSeries Describe(Endpoint? endpoint) =>
        endpoint is null ? _unmatched : _endpoints.GetValue(endpoint, _describe);

    private bool IsExcludedPath(PathString path)
    {
        foreach (var excluded in _excludedPaths)
        {
            if (path.StartsWithSegments(excluded, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
