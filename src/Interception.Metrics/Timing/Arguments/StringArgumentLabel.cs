namespace Interception.Metrics.Timing.Arguments;

/// <summary>A <see cref="string"/> parameter: the value itself, <see langword="null"/> as empty.</summary>
internal sealed class StringArgumentLabel : ArgumentLabel
{
    public static StringArgumentLabel Instance { get; } = new();

    public override string Text(object? argument) => argument as string ?? string.Empty;
}
