namespace Interception.Metrics.Configuration;

/// <summary>How timed components are wrapped (<c>Metrics:Proxy</c>).</summary>
internal enum ProxyMode
{
    /// <summary>The source-generated decorator when the implementation's assembly has one, a Castle proxy otherwise.</summary>
    Auto,

    /// <summary>Always a Castle proxy.</summary>
    DynamicProxy,
}
