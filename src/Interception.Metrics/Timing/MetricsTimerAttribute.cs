namespace Interception.Metrics;

/// <summary>
/// Times every call of a method through the container. Put it on a method, on a class (all its public
/// methods) or on an interface or interface method. The nearest one wins: a method's attribute over its
/// type's, the implementation's over the interface's.
/// </summary>
/// <remarks>
/// The method, its kind and the constant <see cref="Labels"/> become label values; an argument value is recorded
/// only for a parameter marked <see cref="MetricLabelAttribute"/>. Each call is also a trace activity of the
/// <c>Interception.Metrics</c> <see cref="System.Diagnostics.ActivitySource"/> (when something listens), which carries
/// the exception type of a failed call but never its message.
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

    /// <summary>
    /// Whether to keep a gauge of the calls started and not yet finished: <c>function_calls_in_progress</c>,
    /// <c>http_requests_in_progress</c>, <c>database_queries_in_progress</c>, <c>telegram_api_requests_in_progress</c>
    /// or <c>background_tasks_in_progress</c>, with the operation's labels (constant and argument labels included).
    /// Default <see langword="false"/>.
    /// </summary>
    public bool TrackInProgress { get; set; }
}
