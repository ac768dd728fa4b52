namespace Interception.Metrics.Timing.Arguments;

/// <summary>A <see cref="bool"/> parameter: <c>true</c> or <c>false</c>, as Prometheus labels usually spell them.</summary>
internal sealed class BooleanArgumentLabel : ArgumentLabel
{
    public static BooleanArgumentLabel Instance { get; } = new();

    public override string Text(object? argument) => argument switch
    {
        true => "true",
        false => "false",
        _ => string.Empty,
    };
}
