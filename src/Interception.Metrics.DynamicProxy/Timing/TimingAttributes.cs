using System.Reflection;
using Interception.Metrics.Definitions;

namespace Interception.Metrics.Timing;

/// <summary>
/// Finds the attributes that apply to a method of an implementation type. The nearest wins: the implementation
/// method's, then the implementation type's, then the interface method's, then the interface's. A type-level
/// attribute covers the type's public methods and its interface implementations, but not property or event
/// accessors nor <c>Dispose</c>/<c>DisposeAsync</c>. With <c>ownAttributesOnly</c> (a decorator) only the
/// implementation's own attributes count: an attribute it merely inherits from the interface is the decorated
/// component's, which is timed already.
/// </summary>
internal static class TimingAttributes
{
    /// <summary>Resolves the timing of <paramref name="method"/> called on an instance of <paramref name="implementationType"/>.</summary>
    /// <param name="implementationType">The implementation whose attributes decide.</param>
    /// <param name="method">The method called, declared by the implementation or one of its interfaces.</param>
    /// <param name="ownAttributesOnly">Whether to ignore the attributes of the interface and interface method.</param>
    /// <returns>The timing, or <see langword="null"/> when the method is not timed.</returns>
    /// <exception cref="ArgumentException">An attribute's <see cref="MetricsTimerAttribute.Labels"/> entry is malformed.</exception>
    public static TimedMethod? Resolve(Type implementationType, MethodInfo method, bool ownAttributesOnly = false)
    {
        if (method.IsGenericMethod)
        {
            method = method.GetGenericMethodDefinition();
        }

        var (implementation, interfaceMethod) = Locate(implementationType, method);
        var typeLevelApplies = !method.IsSpecialName && !IsDisposal(method)
            && (implementation is null || implementation.IsPublic || interfaceMethod is not null);

        var inherited = ownAttributesOnly ? null : interfaceMethod;
        var timer = implementation?.GetCustomAttribute<MetricsTimerAttribute>(inherit: true)
            ?? (typeLevelApplies ? implementationType.GetCustomAttribute<MetricsTimerAttribute>(inherit: true) : null)
            ?? inherited?.GetCustomAttribute<MetricsTimerAttribute>(inherit: true)
            ?? (typeLevelApplies ? inherited?.DeclaringType?.GetCustomAttribute<MetricsTimerAttribute>(inherit: true) : null);
        if (timer is null)
        {
            return null;
        }

        var collect = implementation?.IsDefined(typeof(CollectSystemMetricsAttribute), inherit: true) == true
            || implementationType.IsDefined(typeof(CollectSystemMetricsAttribute), inherit: true)
            || inherited?.IsDefined(typeof(CollectSystemMetricsAttribute), inherit: true) == true
            || inherited?.DeclaringType?.IsDefined(typeof(CollectSystemMetricsAttribute), inherit: true) == true;

        var methodName = (interfaceMethod ?? implementation ?? method).Name;
        var name = timer.Name ?? (timer.Kind == MetricKind.Function ? $"{TypeName(implementationType)}.{methodName}" : methodName);
        return new TimedMethod(timer.Kind, name, ParseLabels(timer.Labels, implementationType, methodName), timer.HttpMethod ?? "GET", collect);
    }

    /// <summary>The timed methods reachable through <paramref name="serviceTypes"/> on <paramref name="implementationType"/>.</summary>
    /// <param name="implementationType">The implementation whose attributes decide.</param>
    /// <param name="serviceTypes">The services it is reached through.</param>
    /// <param name="ownAttributesOnly">Whether only the implementation's own attributes count (a decorator).</param>
    /// <param name="malformed">
    /// Receives the error of each method whose attribute is malformed. Such a method counts as timed: the proxy
    /// intercepts it and the interceptor lets it proceed untimed, while the other methods are still timed.
    /// </param>
    public static IReadOnlyList<MethodInfo> TimedMethods(
        Type implementationType,
        IEnumerable<Type> serviceTypes,
        bool ownAttributesOnly = false,
        Action<ArgumentException>? malformed = null)
    {
        var timed = new List<MethodInfo>();
        // An interface's GetMethods leaves out what it inherits from its base interfaces: walk those too.
        var methods = serviceTypes.Where(t => t.IsInterface && t.IsAssignableFrom(implementationType))
            .SelectMany(t => t.GetInterfaces().Prepend(t))
            .Distinct()
            .SelectMany(t => t.GetMethods())
            .Where(m => !m.IsStatic);
        foreach (var method in methods)
        {
            try
            {
                if (Resolve(implementationType, method, ownAttributesOnly) is not null)
                {
                    timed.Add(method);
                }
            }
            catch (ArgumentException exception)
            {
                timed.Add(method);
                malformed?.Invoke(exception);
            }
        }

        return timed;
    }

    /// <summary>Parses <c>"key=value"</c> entries into constant labels.</summary>
    /// <exception cref="ArgumentException">An entry has no '=', or its key is not a valid label name.</exception>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseLabels(string[]? labels, Type type, string methodName)
    {
        if (labels is null || labels.Length == 0)
        {
            return [];
        }

        var parsed = new List<KeyValuePair<string, string>>(labels.Length);
        foreach (var entry in labels)
        {
            var separator = entry?.IndexOf('=', StringComparison.Ordinal) ?? -1;
            var key = separator > 0 ? entry![..separator].Trim() : string.Empty;
            if (separator <= 0 || !MetricNameRules.IsValidLabelName(key))
            {
                throw new ArgumentException(
                    $"[MetricsTimer] on {type.FullName}.{methodName} has an invalid label '{entry}': each label must be \"key=value\" with a key matching [a-zA-Z_][a-zA-Z0-9_]* (not starting with '__').");
            }

            parsed.Add(new KeyValuePair<string, string>(key, entry![(separator + 1)..]));
        }

        return parsed;
    }

    private static (MethodInfo? Implementation, MethodInfo? InterfaceMethod) Locate(Type implementationType, MethodInfo method)
    {
        var declaring = method.DeclaringType;
        if (declaring is null || !declaring.IsInterface)
        {
            return (method, null);
        }

        if (!declaring.IsAssignableFrom(implementationType) || implementationType.IsInterface)
        {
            return (null, method);
        }

        var map = implementationType.GetInterfaceMap(declaring);
        for (var i = 0; i < map.InterfaceMethods.Length; i++)
        {
            if (map.InterfaceMethods[i] == method || map.InterfaceMethods[i].MetadataToken == method.MetadataToken && map.InterfaceMethods[i].Module == method.Module)
            {
                var target = map.TargetMethods[i];
                return (target.DeclaringType == declaring ? null : target, method);
            }
        }

        return (null, method);
    }

    private static bool IsDisposal(MethodInfo method) =>
        (method.Name is "Dispose" or "DisposeAsync" or "System.IDisposable.Dispose" or "System.IAsyncDisposable.DisposeAsync")
        && method.GetParameters().Length == 0;

    private static string TypeName(Type type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick > 0 ? name[..tick] : name;
    }
}
