using Autofac;
using Autofac.Core.Resolving.Pipeline;
using Interception.Metrics.Proxying;
using Interception.Metrics.Timing.Decorators;

namespace Interception.Metrics.Registration;

/// <summary>
/// The activation step of a timed registration whose implementation has a source-generated decorator: wraps the new
/// instance in that decorator. Anything else (an instance of another type, such as a proxy made by another module,
/// or a decorator that cannot be built) goes to the Castle <see cref="TimingStep"/> of the same plan, so the
/// component is timed either way.
/// </summary>
internal sealed class GeneratedTimingStep(ProxyPlan plan, TimingDecoratorFactory factory, TimingStep castle, InterceptionAttacher attacher)
{
    private TimerSlots? _timers;
    private int _failed;

    public void Wrap(ResolveRequestContext context)
    {
        var instance = context.Instance;
        if (instance is null || Volatile.Read(ref _failed) != 0 || instance.GetType() != factory.ImplementationType)
        {
            castle.Wrap(context);
            return;
        }

        try
        {
            // The plans of the module that owns this registration, wherever the instance is activated.
            var timers = _timers ??= context.ResolveKeyed<DecoratorTimers>(attacher).For(factory, plan);
            context.Instance = factory.Create(instance, timers);
        }
        catch (Exception exception)
        {
            if (Interlocked.Exchange(ref _failed, 1) == 0)
            {
                attacher.Warn(
                    $"The generated timing decorator of {plan.ImplementationType.FullName} cannot be used ({exception.GetType().Name}: {exception.Message}); "
                    + "it is timed through a Castle proxy.");
            }

            castle.Wrap(context);
        }
    }
}
