namespace Interception.Metrics.Timing;

/// <summary>Type names as a C# reader writes them, for warnings and errors.</summary>
internal static class TypeDisplay
{
    /// <summary>A readable C# name: <c>ReadOnlySpan&lt;Int32&gt;</c> rather than <c>ReadOnlySpan`1</c>.</summary>
    public static string Of(Type type)
    {
        if (type.HasElementType && !type.IsGenericType)
        {
            var element = Of(type.GetElementType()!);
            return type.IsArray ? $"{element}[]" : type.IsPointer ? $"{element}*" : $"ref {element}";
        }

        if (!type.IsGenericType)
        {
            return type.FullName ?? type.Name;
        }

        var name = type.GetGenericTypeDefinition().FullName ?? type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return $"{(tick > 0 ? name[..tick] : name)}<{string.Join(", ", type.GetGenericArguments().Select(Of))}>";
    }
}
