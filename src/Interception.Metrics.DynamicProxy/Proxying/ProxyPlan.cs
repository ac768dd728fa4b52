namespace Interception.Metrics.Proxying;

/// <summary>
/// What a timing proxy for one component looks like, decided once per registration (or activated type) so that
/// creating a proxy per instance does no reflection and builds no array.
/// </summary>
internal sealed class ProxyPlan
{
    /// <summary>Creates the plan.</summary>
    /// <param name="implementationType">The type whose attributes decide what is timed.</param>
    /// <param name="interfaces">The interfaces the proxy implements, the primary one first.</param>
    /// <param name="ownAttributesOnly">Whether only the implementation's own attributes count (a decorator).</param>
    /// <param name="forwardsToString">Whether the proxy derives from <see cref="TimingProxy"/>, which answers <c>ToString</c> as the target.</param>
    public ProxyPlan(Type implementationType, Type[] interfaces, bool ownAttributesOnly, bool forwardsToString)
    {
        ImplementationType = implementationType;
        PrimaryInterface = interfaces[0];
        AdditionalInterfaces = interfaces[1..];
        OwnAttributesOnly = ownAttributesOnly;
        ForwardsToString = forwardsToString;
    }

    public Type ImplementationType { get; }

    public Type PrimaryInterface { get; }

    public Type[] AdditionalInterfaces { get; }

    public bool OwnAttributesOnly { get; }

    public bool ForwardsToString { get; }
}
