using Interception.Metrics.Proxying;
using Interception.Metrics.Timing.Decorators;

namespace Interception.Metrics.Registration;

/// <summary>The plans a generated decorator calls, built by a module's <see cref="MetricsInterceptor"/> by the same rules as a proxy's.</summary>
internal sealed class DecoratorTimers(MetricsInterceptor interceptor)
{
    /// <summary>The plans of <paramref name="factory"/>'s methods, by slot, for the component <paramref name="plan"/> describes, each bound on first call.</summary>
    /// <exception cref="Exception">The decorator is out of step with its interfaces (a method it names is missing).</exception>
    public TimerSlots For(TimingDecoratorFactory factory, ProxyPlan plan)
    {
        var methods = factory.Methods();
        return new TimerSlots(methods.Length, slot => interceptor.GetTimer(plan.ImplementationType, methods[slot], plan.OwnAttributesOnly));
    }
}
