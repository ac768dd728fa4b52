using Autofac;
using Autofac.Core.Resolving.Pipeline;
using Interception.Metrics.Proxying;

namespace Interception.Metrics.Registration;

/// <summary>
/// The activation step of one timed registration (or, for a lambda or instance, of one activated type): wraps the new
/// instance in a timing proxy. It never wraps an instance that already is timed (a module registered twice, a lambda
/// returning another timed component), and never breaks a resolve: when Castle cannot create the proxy, the step
/// logs it once, remembers it and returns the instance as it is from then on.
/// </summary>
internal sealed class TimingStep(ProxyPlan plan, InterceptionAttacher attacher)
{
    private MetricsProxyFactory? _factory;
    private int _failed;

    public void Execute(ResolveRequestContext context, Action<ResolveRequestContext> next)
    {
        next(context);
        Wrap(context);
    }

    public void Wrap(ResolveRequestContext context)
    {
        var instance = context.Instance;
        if (instance is null || Volatile.Read(ref _failed) != 0 || MetricsProxyFactory.IsTimingProxy(instance))
        {
            return;
        }

        // The factory of the module that owns this registration, wherever the instance is activated.
        var factory = _factory ??= context.ResolveKeyed<MetricsProxyFactory>(attacher);
        try
        {
            context.Instance = factory.CreateProxy(instance, plan);
        }
        catch (Exception exception)
        {
            if (Interlocked.Exchange(ref _failed, 1) == 0)
            {
                attacher.Warn(
                    $"{plan.ImplementationType.FullName} is not timed: a timing proxy for it cannot be created ({exception.GetType().Name}: {exception.Message}). "
                    + "It is returned as it is.");
            }
        }
    }
}
