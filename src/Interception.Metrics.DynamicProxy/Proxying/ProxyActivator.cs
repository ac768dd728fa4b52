using System.Reflection;
using Castle.DynamicProxy;

namespace Interception.Metrics.Proxying;

/// <summary>
/// Creates timing proxies of one generated proxy type around targets of one type. The proxy type is generated (or
/// found in Castle's cache) once, when the activator is made; each proxy is then one constructor call with the
/// factory's interceptor array and selector, where <see cref="ProxyGenerator.CreateInterfaceProxyWithTarget(Type, Type[], object, ProxyGenerationOptions, IInterceptor[])"/>
/// would look the type up in Castle's cache and construct it by reflection with a fresh argument list every time.
/// </summary>
internal sealed class ProxyActivator
{
    private readonly ConstructorInvoker? _constructor;
    private readonly ProxyGenerator _generator;
    private readonly ProxyPlan _plan;
    private readonly ProxyGenerationOptions _options;
    private readonly IInterceptor[] _interceptors;
    private readonly IInterceptorSelector? _selector;

    /// <summary>
    /// Generates (or finds) the proxy type of <paramref name="plan"/> for targets of <paramref name="targetType"/> and
    /// binds its constructor.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="targetType"/> does not implement the plan's primary interface.</exception>
    /// <exception cref="Exception">Castle cannot generate the proxy type.</exception>
    public ProxyActivator(ProxyGenerator generator, ProxyPlan plan, Type targetType, ProxyGenerationOptions options, IInterceptor[] interceptors)
    {
        if (!plan.PrimaryInterface.IsAssignableFrom(targetType))
        {
            // What CreateInterfaceProxyWithTarget checks before it generates anything.
            throw new ArgumentException($"Target does not implement interface {plan.PrimaryInterface.FullName}", nameof(targetType));
        }

        _generator = generator;
        _plan = plan;
        _options = options;
        _interceptors = interceptors;
        _selector = options.Selector;
        TargetType = targetType;
        ProxyType = generator.ProxyBuilder.CreateInterfaceProxyTypeWithTarget(plan.PrimaryInterface, plan.AdditionalInterfaces, targetType, options);
        _constructor = FindConstructor(ProxyType, targetType, options) is { } constructor ? ConstructorInvoker.Create(constructor) : null;
    }

    /// <summary>The exact type of the targets this activator wraps.</summary>
    public Type TargetType { get; }

    /// <summary>The generated proxy type.</summary>
    public Type ProxyType { get; }

    /// <summary>Whether proxies are created through the bound constructor (otherwise through Castle's general path).</summary>
    public bool IsBound => _constructor is not null;

    /// <summary>A new proxy around <paramref name="target"/>, which must be of <see cref="TargetType"/> exactly.</summary>
    public object Create(object target) =>
        _constructor is { } constructor
            ? constructor.Invoke(_interceptors, target, _selector)
            : _generator.CreateInterfaceProxyWithTarget(_plan.PrimaryInterface, _plan.AdditionalInterfaces, target, _options, _interceptors);

    // Castle generates, for an interface proxy with a target, one constructor per accessible base constructor, taking
    // the mixins, the interceptors, the target, the selector when the options have one, then the base constructor's
    // parameters (ProxyGenerator.GetConstructorArguments passes them in that order). Ours have a selector, no mixins and
    // a base (TimingProxy or object) with only a parameterless constructor; any other shape (mixins, a Castle version
    // that generates something else) goes through Castle's general path rather than guessing.
    private static ConstructorInfo? FindConstructor(Type proxyType, Type targetType, ProxyGenerationOptions options)
    {
        if (options.Selector is null || options.HasMixins)
        {
            return null;
        }

        return proxyType.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).FirstOrDefault(c =>
            c.GetParameters() is [var interceptors, var target, var selector]
            && interceptors.ParameterType == typeof(IInterceptor[])
            && target.ParameterType.IsAssignableFrom(targetType)
            && selector.ParameterType == typeof(IInterceptorSelector));
    }
}
