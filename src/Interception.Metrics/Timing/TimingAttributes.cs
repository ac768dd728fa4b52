using System.Reflection;
using Interception.Metrics.Collection;
using Interception.Metrics.Definitions;
using Interception.Metrics.Timing.Arguments;

namespace Interception.Metrics.Timing;

/// <summary>
/// Finds the attributes that apply to a method of an implementation type. The nearest wins: the implementation
/// method's, then the implementation type's, then the interface method's, then the interface's. A type-level
/// attribute covers the type's public methods and its interface implementations, but not property or event
/// accessors nor <c>Dispose</c>/<c>DisposeAsync</c>. With <c>ownAttributesOnly</c> (a decorator) only the
/// implementation's own attributes count: an attribute it merely inherits from the interface is the decorated
/// component's, which is timed already. A parameter's <see cref="MetricLabelAttribute"/> is read from the implementation
/// method, else (unless own attributes only) from the interface method.
/// </summary>
internal static class TimingAttributes
{
    /// <summary>Resolves the timing of <paramref name="method"/> called on an instance of <paramref name="implementationType"/>.</summary>
    /// <param name="implementationType">The implementation whose attributes decide.</param>
    /// <param name="method">The method called, declared by the implementation or one of its interfaces.</param>
    /// <param name="ownAttributesOnly">Whether to ignore the attributes of the interface and interface method.</param>
    /// <returns>The timing, or <see langword="null"/> when the method is not timed.</returns>
    /// <exception cref="ArgumentException">
    /// An attribute's <see cref="MetricsTimerAttribute.Labels"/> entry is malformed, or a <see cref="MetricLabelAttribute"/>
    /// parameter cannot be a label (its type, an <c>out</c> parameter, its name); the message names the method and parameter.
    /// </exception>
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
        var constantLabels = ParseLabels(timer.Labels, implementationType, methodName);
        var argumentLabels = ParseArgumentLabels(implementation, inherited, timer.Kind, constantLabels, implementationType, methodName);
        return new TimedMethod(timer.Kind, name, constantLabels, timer.HttpMethod ?? "GET", collect, timer.TrackInProgress, argumentLabels);
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

    /// <summary>The <see cref="MetricLabelAttribute"/> parameters of a method, checked.</summary>
    /// <exception cref="ArgumentException">A parameter cannot be a label; the message names the method and the parameter.</exception>
    public static IReadOnlyList<ArgumentLabelParameter> ParseArgumentLabels(
        MethodInfo? implementation,
        MethodInfo? interfaceMethod,
        MetricKind kind,
        IReadOnlyList<KeyValuePair<string, string>> constantLabels,
        Type type,
        string methodName)
    {
        var own = implementation?.GetParameters() ?? [];
        var inherited = interfaceMethod?.GetParameters() ?? [];
        var labels = new List<ArgumentLabelParameter>();
        for (var i = 0; i < Math.Max(own.Length, inherited.Length); i++)
        {
            var parameter = i < own.Length ? own[i] : inherited[i];
            var attribute = (i < own.Length ? own[i].GetCustomAttribute<MetricLabelAttribute>(inherit: true) : null)
                ?? (i < inherited.Length ? inherited[i].GetCustomAttribute<MetricLabelAttribute>(inherit: true) : null);
            if (attribute is null)
            {
                continue;
            }

            var where = $"[MetricLabel(\"{attribute.Name}\")] on parameter '{parameter.Name}' of {type.FullName}.{methodName}";
            if (OperationLabels.Problem(kind, attribute.Name) is { } problem)
            {
                throw new ArgumentException($"{where} is refused: {problem}.");
            }

            if (constantLabels.Any(l => l.Key == attribute.Name) || labels.Any(l => l.Name == attribute.Name))
            {
                throw new ArgumentException($"{where} is refused: the method has a label '{attribute.Name}' already.");
            }

            if (parameter.IsOut)
            {
                throw new ArgumentException($"{where} is refused: an out parameter has no value when the call starts.");
            }

            var parameterType = parameter.ParameterType.IsByRef ? parameter.ParameterType.GetElementType()! : parameter.ParameterType;
            if (!ArgumentLabels.IsSupported(parameterType))
            {
                throw new ArgumentException(
                    $"{where} is refused: its type {TypeDisplay.Of(parameterType)} is not a string, an enum, a bool or an integer type "
                    + "(or a nullable one), and other values are never turned into text.");
            }

            labels.Add(new ArgumentLabelParameter(attribute.Name, parameter.Position, parameterType));
        }

        if (labels.Count > ArgumentLabels.MaxPerMethod)
        {
            throw new ArgumentException(
                $"{type.FullName}.{methodName} has {labels.Count} [MetricLabel] parameters; at most {ArgumentLabels.MaxPerMethod} are allowed.");
        }

        return labels;
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
