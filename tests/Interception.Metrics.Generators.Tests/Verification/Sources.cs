namespace Interception.Metrics.Generators.Tests.Verification;

/// <summary>Source snippets shared by the analyzer tests.</summary>
internal static class Sources
{
    /// <summary>
    /// A source definition of <c>MetricLabelAttribute</c> as the core declares it (namespace, constructor, usage), for
    /// test compilations whose Interception.Metrics has none.
    /// </summary>
    public const string MetricLabelAttribute = """
        namespace Interception.Metrics
        {
            [System.AttributeUsage(System.AttributeTargets.Parameter, Inherited = true, AllowMultiple = false)]
            public sealed class MetricLabelAttribute(string name) : System.Attribute
            {
                public string Name { get; } = name;
            }
        }
        """;
}
