using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace Interception.Metrics.AspNetCore;

/// <summary>
/// What the middleware knows about one endpoint, worked out on its first request: its <c>endpoint</c> label, whether it
/// is counted at all, and its series per method (bound on first use).
/// </summary>
internal sealed class EndpointSeries
{
    /// <summary>The label of a request that routing matched to no endpoint.</summary>
    public const string Unmatched = "unmatched";

    private readonly IMetricsBackend _backend;
    private readonly bool _trackInProgress;
    private readonly RouteSeries?[] _byMethod = new RouteSeries?[HttpMethodLabel.Count];

    public EndpointSeries(IMetricsBackend backend, string label, bool excluded, bool trackInProgress)
    {
        _backend = backend;
        Label = label;
        Excluded = excluded;
        _trackInProgress = trackInProgress;
    }

    /// <summary>The <c>endpoint</c> label value.</summary>
    public string Label { get; }

    /// <summary>Whether requests to this endpoint are left uncounted.</summary>
    public bool Excluded { get; }

    /// <summary>Describes <paramref name="endpoint"/> (<see langword="null"/>: the unmatched requests).</summary>
    public static EndpointSeries For(Endpoint? endpoint, IMetricsBackend backend, RequestMetricsOptions options)
    {
        if (endpoint is null)
        {
            return new EndpointSeries(backend, Unmatched, excluded: false, options.TrackInProgress);
        }

        var metadata = endpoint.Metadata;
        var excluded = metadata.GetMetadata<IDisableHttpMetricsMetadata>() is not null
            || (!options.IncludeMetricsEndpoint && metadata.GetMetadata<MetricsEndpointMetadata>() is not null);
        return new EndpointSeries(backend, LabelOf(endpoint), excluded, options.TrackInProgress);
    }

    /// <summary>The series of <paramref name="methodIndex"/> (see <see cref="HttpMethodLabel"/>).</summary>
    public RouteSeries ForMethod(int methodIndex)
    {
        var series = Volatile.Read(ref _byMethod[methodIndex]);
        if (series is not null)
        {
            return series;
        }

        var created = new RouteSeries(_backend, HttpMethodLabel.At(methodIndex), Label, _trackInProgress);
        return Interlocked.CompareExchange(ref _byMethod[methodIndex], created, null) ?? created;
    }

    /// <summary>The route pattern as written, with a leading <c>/</c>; <see cref="Unmatched"/> for an endpoint without one.</summary>
    private static string LabelOf(Endpoint endpoint)
    {
        var route = endpoint.Metadata.GetMetadata<IRouteDiagnosticsMetadata>()?.Route
            ?? (endpoint as RouteEndpoint)?.RoutePattern.RawText;
        return route switch
        {
            null => Unmatched,
            "" => "/",
            _ when route[0] == '/' => route,
            _ => "/" + route,
        };
    }
}
