namespace Interception.Metrics;

/// <summary>
/// Times every call of a method through the container. Put it on a method, on a class (all its public
/// methods) or on an interface or interface method. The nearest one wins: a method's attribute over its
/// type's, the implementation's over the interface's.
/// </summary>
/// <remarks>
/// Only the method, its kind and the constant <see cref="Labels"/> become label values: argument values are
/// never recorded.
/// </remarks>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Interface, Inherited = true, AllowMultiple = false)]
public sealed class MetricsTimerAttribute : Attribute
{
    /// <summary>Times the method as <paramref name="kind"/>.</summary>
    /// <param name="kind">Which catalogue metrics receive the measurements.</param>
    public MetricsTimerAttribute(MetricKind kind = MetricKind.Function)
    {
        Kind = kind;
    }

    /// <summary>Which catalogue metrics receive the measurements.</summary>
    public MetricKind Kind { get; }

    /// <summary>
    /// The label value that names the operation. Default: <c>"{ImplementationType}.{Method}"</c> for
    /// <see cref="MetricKind.Function"/>, the method name for the other kinds.
    /// </summary>
    public string? Name { get; set; }

    /// <summary>
    /// Extra constant labels added to this method's series, each <c>"key=value"</c>. Keys follow the
    /// Prometheus label name rules; a malformed entry is reported when the component is registered.
    /// </summary>
    public string[]? Labels { get; set; }

    /// <summary>The HTTP method recorded as the <c>method</c> label for <see cref="MetricKind.Http"/>. Default <c>GET</c>.</summary>
    public string HttpMethod { get; set; } = "GET";
}
