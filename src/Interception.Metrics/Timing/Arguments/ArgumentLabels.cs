namespace Interception.Metrics.Timing.Arguments;

/// <summary>Which parameter types can be <see cref="MetricLabelAttribute"/> labels, and the <see cref="ArgumentLabel"/> of each.</summary>
internal static class ArgumentLabels
{
    /// <summary>The most <see cref="MetricLabelAttribute"/> parameters one method may have (<see cref="LabelValueBuffer"/>).</summary>
    public const int MaxPerMethod = LabelValueBuffer.Length;

    private static readonly Type[] IntegerTypes =
    [
        typeof(sbyte), typeof(byte), typeof(short), typeof(ushort), typeof(int), typeof(uint),
        typeof(long), typeof(ulong), typeof(nint), typeof(nuint), typeof(Int128), typeof(UInt128),
    ];

    /// <summary>Whether a parameter of <paramref name="type"/> (not by reference) can be a label.</summary>
    public static bool IsSupported(Type type)
    {
        var value = Nullable.GetUnderlyingType(type) ?? type;
        return value == typeof(string) || value == typeof(bool) || value.IsEnum || Array.IndexOf(IntegerTypes, value) >= 0;
    }

    /// <summary>The label of a parameter of <paramref name="type"/>, which must be <see cref="IsSupported"/>.</summary>
    /// <param name="type">The parameter type (not by reference).</param>
    /// <param name="limit">How many distinct values an enum or integer label keeps formatted.</param>
    public static ArgumentLabel For(Type type, int limit)
    {
        var value = Nullable.GetUnderlyingType(type) ?? type;
        if (value == typeof(string))
        {
            return StringArgumentLabel.Instance;
        }

        if (value == typeof(bool))
        {
            return BooleanArgumentLabel.Instance;
        }

        var label = value.IsEnum ? typeof(EnumArgumentLabel<>) : Array.IndexOf(IntegerTypes, value) >= 0 ? typeof(IntegerArgumentLabel<>) : null;
        return label is null
            ? throw new ArgumentException($"{type} cannot be a metric label.", nameof(type))
            : (ArgumentLabel)Activator.CreateInstance(label.MakeGenericType(value), limit)!;
    }
}
