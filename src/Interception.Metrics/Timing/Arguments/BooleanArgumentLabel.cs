namespace Interception.Metrics.Timing.Arguments;

/// <summary>A <see cref="bool"/> parameter: <c>true</c> or <c>false</c>, as Prometheus labels usually spell them; a null <see cref="Nullable{T}"/> is empty.</summary>
internal sealed class BooleanArgumentLabel : ArgumentLabel
{
    public static BooleanArgumentLabel Instance { get; } = new();

    public override int Count => 3;

    public override string Text(object? argument) => argument switch
    {
        true => "true",
        false => "false",
        _ => string.Empty,
    };

    public override int IndexOf(object? argument) => argument switch
    {
        true => 1,
        false => 0,
        _ => 2,
    };
}
