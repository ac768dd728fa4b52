using Autofac.Builder;

namespace Interception.Metrics;

/// <summary>Registration extensions of the Autofac integration.</summary>
public static class MetricsRegistrationExtensions
{
    /// <summary>The metadata key that marks a registration for metrics interception.</summary>
    public const string InterceptionMetadataKey = "Interception.Metrics.Intercept";

    /// <summary>
    /// Opts this registration into metrics interception explicitly, for <c>Metrics:AutoIntercept=false</c>.
    /// Needs <see cref="MetricsModule"/> in the same container; only <see cref="MetricsTimerAttribute"/> methods are timed.
    /// </summary>
    public static IRegistrationBuilder<TLimit, TActivatorData, TRegistrationStyle> EnableMetricsInterception<TLimit, TActivatorData, TRegistrationStyle>(
        this IRegistrationBuilder<TLimit, TActivatorData, TRegistrationStyle> registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return registration.WithMetadata(InterceptionMetadataKey, true);
    }
}
