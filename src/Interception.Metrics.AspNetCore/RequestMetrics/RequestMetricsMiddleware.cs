using System.Diagnostics;
using System.Runtime.CompilerServices;
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
/// The status is read when the request ends, so the middleware may come before <c>UseExceptionHandler</c>: an exception
/// that the handler turns into a response counts with the status the handler wrote; one that escapes counts 500 (what
/// Kestrel sends) and is rethrown as it is; a request the client aborted before a response started counts 499; a
/// response already started keeps its code. The endpoint is the first one routing chose for the request: the one set
/// when the middleware runs (<c>WebApplication</c> routes first), or else the one a later <c>UseRouting()</c> sets, which
/// <see cref="RoutedEndpointFeature"/> keeps. A request re-executed by the exception handler or the status code pages is
/// counted once, with that endpoint, whether the re-execution runs inside the middleware or around it.
/// </para>
/// <para>
/// Hot path: the endpoint's series are cached on the <see cref="Endpoint"/> object (weakly, so that endpoints a data
/// source replaces are collected), then per method and status code, so a routed request that completes synchronously
/// does a reference lookup, a few comparisons and two bound-series recordings, and allocates nothing. A request that
/// routing has not matched when the middleware runs allocates the stand-in endpoint feature; one whose pipeline
/// completes later allocates the recording step and the task handed back.
/// </para>
/// <para>
/// Recording never changes the response: a failure to bind or record is logged once and the request goes on.
/// </para>
/// </remarks>
internal sealed class RequestMetricsMiddleware
{
    private readonly RequestDelegate _next;
    private readonly IMetricsBackend _backend;
    private readonly RequestMetricsOptions _options;
    private readonly PathString[] _excludedPaths;
    private readonly bool _excludeAll;
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
        _excludeAll = _excludedPaths.Any(p => p.Value == "/");
        _trackInProgress = options.TrackInProgress;
        _logger = logger;
        _describe = endpoint => EndpointSeries.For(endpoint, _backend, _options);
        _unmatched = EndpointSeries.For(null, backend, options);
    }

    public Task InvokeAsync(HttpContext context)
    {
        var features = context.Features;
        if (IsExcludedPath(context.Request.Path) || RoutedEndpointFeature.IsReExecution(features))
        {
            return _next(context);
        }

        var start = Stopwatch.GetTimestamp();
        var endpoint = context.GetEndpoint();
        var method = HttpMethodLabel.IndexOf(context.Request.Method);
        var request = new RequestTiming(
            method,
            start,
            endpoint,
            endpoint is null ? RoutedEndpointFeature.Install(features) : null,
            _trackInProgress ? Enter(endpoint, method) : null);
        Task task;
        try
        {
            task = _next(context);
        }
        catch (Exception exception)
        {
            Record(context, request, failed: true, exception);
            throw;
        }

        if (task.IsCompleted)
        {
            Record(context, request, task);
            return task;
        }

        return RecordWhenCompleteAsync(task, context, request).Unwrap();
    }

    // An async wrapper that awaited the task and rethrew would turn a fault with an OperationCanceledException into a
    // cancellation and keep only the first of several exceptions; Unwrap hands back the completed task exactly.
    private async Task<Task> RecordWhenCompleteAsync(Task task, HttpContext context, RequestTiming request)
    {
        await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Record(context, request, task);
        return task;
    }

    /// <summary>The status the client got: see the remarks of the class.</summary>
    private static int StatusCode(HttpContext context, bool failed, Exception? exception)
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

        if (!failed)
        {
            return response.StatusCode;
        }

        return exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
    }

    private RouteSeries? Enter(Endpoint? endpoint, int method)
    {
        try
        {
            var described = Describe(endpoint);
            if (described.Excluded)
            {
                return null;
            }

            // Binding happens before the count changes, so a failure here leaves the gauge as it was.
            var series = described.ForMethod(method);
            series.Enter();
            return series;
        }
        catch (Exception failure)
        {
            ReportFailure(failure);
            return null;
        }
    }

    private void Record(HttpContext context, in RequestTiming request, Task task) =>
        Record(context, request, !task.IsCompletedSuccessfully, task.Exception?.InnerException);

    private void Record(HttpContext context, in RequestTiming request, bool failed, Exception? exception)
    {
        // Recording must never change the response: the fan-out already isolates backends, this guards the rest.
        try
        {
            var seconds = (Stopwatch.GetTimestamp() - request.Start) / (double)Stopwatch.Frequency;
            request.InProgress?.Exit();
            var endpoint = Describe(request.Endpoint ?? request.Routed?.Routed);
            if (!endpoint.Excluded)
            {
                endpoint.ForMethod(request.Method).Record(StatusCode(context, failed, exception), seconds);
            }
        }
        catch (Exception failure)
        {
            ReportFailure(failure);
        }
    }

    private void ReportFailure(Exception failure)
    {
        if (Interlocked.Exchange(ref _failureLogged, 1) == 0)
        {
            try
            {
                _logger.LogError(failure, "Recording HTTP request metrics failed; the request was not affected. Further failures are not logged.");
            }
            catch (Exception)
            {
                // A logger that throws must not change the response either.
            }
        }
    }

    private EndpointSeries Describe(Endpoint? endpoint) =>
        endpoint is null ? _unmatched : _endpoints.GetValue(endpoint, _describe);

    private bool IsExcludedPath(PathString path)
    {
        if (_excludeAll)
        {
            return true;
        }

        foreach (var excluded in _excludedPaths)
        {
            if (path.StartsWithSegments(excluded, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What the middleware knows of a request when it starts.</summary>
    /// <param name="Method">The index of its <c>method</c> label (<see cref="HttpMethodLabel"/>).</param>
    /// <param name="Start">Its <see cref="Stopwatch.GetTimestamp"/> at the start.</param>
    /// <param name="Endpoint">The endpoint routing had chosen when the middleware ran, if any.</param>
    /// <param name="Routed">Otherwise, the stand-in that keeps the endpoint routing chooses later.</param>
    /// <param name="InProgress">The series whose in-progress gauge it entered, when tracked.</param>
    private readonly record struct RequestTiming(int Method, long Start, Endpoint? Endpoint, RoutedEndpointFeature? Routed, RouteSeries? InProgress);
}
