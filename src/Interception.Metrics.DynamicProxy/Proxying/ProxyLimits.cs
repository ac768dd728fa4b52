using System.Reflection;
using Castle.DynamicProxy;
using Interception.Metrics.Timing;

namespace Interception.Metrics.Proxying;

/// <summary>
/// What a Castle interface proxy cannot do, checked when a proxy is planned rather than discovered by a failing
/// call: implement an interface with static abstract members or one it cannot see, and carry a by-ref-like value,
/// a pointer or a by-reference return through an invocation (such a method is forwarded to the target, untimed).
/// </summary>
internal static class ProxyLimits
{
    /// <summary>Why a call of <paramref name="method"/> cannot pass through an interceptor, or <see langword="null"/> when it can.</summary>
    public static string? WhyNotInterceptable(MethodInfo method)
    {
        if (method.ReturnType.IsByRef)
        {
            return "it returns by reference";
        }

        if (CannotBeBoxed(method.ReturnType))
        {
            return $"it returns {Describe(method.ReturnType)}";
        }

        foreach (var parameter in method.GetParameters())
        {
            var type = parameter.ParameterType.IsByRef ? parameter.ParameterType.GetElementType()! : parameter.ParameterType;
            if (CannotBeBoxed(type))
            {
                return $"its parameter '{parameter.Name}' is {Describe(type)}";
            }
        }

        if (method.IsGenericMethod
            && method.GetGenericMethodDefinition().GetGenericArguments().Any(a => a.GenericParameterAttributes.HasFlag(GenericParameterAttributes.AllowByRefLike)))
        {
            return "a type argument may be a ref struct ('allows ref struct')";
        }

        return null;
    }

    /// <summary>Why a proxy cannot implement <paramref name="interfaceType"/> (with its base interfaces), or <see langword="null"/> when it can.</summary>
    public static string? WhyNotImplementable(Type interfaceType)
    {
        foreach (var type in interfaceType.GetInterfaces().Prepend(interfaceType))
        {
            if (!IsAccessible(type))
            {
                return $"{TypeDisplay.Of(type)} is not accessible to the proxy assembly (make it public, or internal with [assembly: InternalsVisibleTo(\"DynamicProxyGenAssembly2\")])";
            }

            var declared = type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly);
            if (declared.FirstOrDefault(m => m.IsStatic && m.IsAbstract) is { } staticAbstract)
            {
                return $"{TypeDisplay.Of(type)} declares the static abstract member {staticAbstract.Name}, which a proxy cannot implement";
            }

            if (declared.FirstOrDefault(m => m.CallingConvention.HasFlag(CallingConventions.VarArgs)) is { } varArgs)
            {
                return $"{TypeDisplay.Of(type)} declares {varArgs.Name} with a variable argument list (__arglist), which a proxy cannot forward";
            }
        }

        return null;
    }

    private static bool CannotBeBoxed(Type type) =>
        type.IsByRefLike || type.IsPointer || type.IsFunctionPointer || type.IsUnmanagedFunctionPointer;

    private static string Describe(Type type) =>
        type.IsByRefLike ? $"the by-ref-like type {TypeDisplay.Of(type)}" : $"the pointer type {TypeDisplay.Of(type)}";

    // Castle's own check does not look at type arguments: IRepository<InternalThing> passes it, then fails to generate.
    private static bool IsAccessible(Type type)
    {
        if (type.IsGenericParameter)
        {
            return true;
        }

        if (type.HasElementType)
        {
            return IsAccessible(type.GetElementType()!);
        }

        return ProxyUtil.IsAccessible(type) && (!type.IsGenericType || type.GetGenericArguments().All(IsAccessible));
    }
}
