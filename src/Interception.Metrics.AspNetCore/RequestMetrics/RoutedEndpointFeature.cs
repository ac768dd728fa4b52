using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Interception.Metrics.AspNetCore;

/// <summary>
/// Stands in for the request's <see cref="IEndpointFeature"/> when routing has not chosen an endpoint by the time the
/// middleware runs (an explicit <c>UseRouting()</c> after it, or no route matched), to keep the endpoint routing
/// chooses for the request itself. A re-execution by the exception handler or the status code pages clears the
/// endpoint and routes again to its error page, and nothing restores the original afterwards; so an endpoint set while
/// one of their features is present is passed on but not kept.
/// </summary>
internal sealed class RoutedEndpointFeature : IEndpointFeature
{
    private readonly IEndpointFeature? _inner;
    private readonly IFeatureCollection _features;
    private Endpoint? _own;

    private RoutedEndpointFeature(IEndpointFeature? inner, IFeatureCollection features)
    {
        _inner = inner;
        _features = features;
    }

    /// <summary>The first endpoint routing set for the request itself; <see langword="null"/> while there is none.</summary>
    public Endpoint? Routed { get; private set; }

    /// <inheritdoc />
    public Endpoint? Endpoint
    {
        get => _inner is null ? _own : _inner.Endpoint;
        set
        {
            if (_inner is null)
            {
                _own = value;
            }
            else
            {
                _inner.Endpoint = value;
            }

            if (Routed is null && value is not null && !IsReExecution(_features))
            {
                Routed = value;
            }
        }
    }

    /// <summary>Puts a stand-in in front of the endpoint feature of <paramref name="features"/>.</summary>
    public static RoutedEndpointFeature Install(IFeatureCollection features)
    {
        var feature = new RoutedEndpointFeature(features.Get<IEndpointFeature>(), features);
        features.Set<IEndpointFeature>(feature);
        return feature;
    }

    /// <summary>Whether the exception handler or the status code pages are re-executing the request.</summary>
    public static bool IsReExecution(IFeatureCollection features) =>
        features.Get<IExceptionHandlerFeature>() is not null || features.Get<IStatusCodeReExecuteFeature>() is not null;
}
