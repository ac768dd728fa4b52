using Autofac;
using Autofac.Core.Resolving.Pipeline;
using Interception.Metrics.Proxying;

namespace Interception.Metrics.Registration;

/// <summary>
/// The activation step of one timed registration (or, for a lambda or instance, of one activated type): wraps the new
/// instance in a timing proxy. It never wraps an instance that already is timed (a module registered twice, a lambda
/// returning another timed component), and never breaks a resolve: when Castle cannot create the proxy, the step
/// logs it once, remembers it and returns the instance as it is from then on. It keeps the activator of its proxy
/// type, so that a transient's proxy costs a constructor call, not a lookup in Castle's type cache and a reflective
/// construction.
/// </summary>
internal sealed class TimingStep(ProxyPlan plan, InterceptionAttacher attacher)
{
    private MetricsProxyFactory? _factory;
    private ProxyActivator? _activator;
    private int _failed;

    /// <summary>
    /// Generates the proxy type for instances of <paramref name="targetType"/> now, so that the first resolve does not
    /// (<c>Metrics:WarmUp</c>). A type that cannot be proxied is reported and left untimed, as a resolve would.
    /// </summary>
    public void WarmUp(MetricsProxyFactory factory, Type targetType)
    {
        _factory ??= factory;
        try
        {
            _activator = factory.ActivatorFor(plan, targetType);
        }
        catch (Exception exception)
        {
            Fail(exception);
        }
    }

    public void Wrap(ResolveRequestContext context)
    {
        var instance = context.Instance;
        if (instance is null || Volatile.Read(ref _failed) != 0 || MetricsProxyFactory.IsTimingProxy(instance))
        {
            return;
        }

        // One target type per registration in practice (a lambda's steps are per activated type); should another
        // arrive, the factory finds or makes the activator for it.
        var type = instance.GetType();
        var activator = _activator;
        var factory = activator is null || activator.TargetType != type ? Factory(context) : null;
        try
        {
            if (factory is not null)
            {
                activator = _activator = factory.ActivatorFor(plan, type);
            }

            context.Instance = activator!.Create(instance);
        }
        catch (Exception exception)
        {
            Fail(exception);
        }
    }

    private void Fail(Exception exception)
    {
        if (Interlocked.Exchange(ref _failed, 1) == 0)
        {
            attacher.Warn(
                $"{plan.ImplementationType.FullName} is not timed: a timing proxy for it cannot be created ({exception.GetType().Name}: {exception.Message}). "
                + "It is returned as it is.");
        }
    }

    // The factory of the module that owns this registration, wherever the instance is activated.
    private MetricsProxyFactory Factory(IComponentContext context) => _factory ??= context.ResolveKeyed<MetricsProxyFactory>(attacher);
}
