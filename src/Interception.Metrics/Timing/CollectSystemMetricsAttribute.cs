namespace Interception.Metrics;

/// <summary>
/// Each call of a method carrying this attribute starts a background refresh of the system gauges
/// (memory, CPU, disk), throttled so it runs at most once per interval. The call itself is never delayed.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Interface, Inherited = true, AllowMultiple = false)]
public sealed class CollectSystemMetricsAttribute : Attribute
{
}
