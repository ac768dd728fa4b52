namespace Interception.Metrics.Timing.Arguments;

/// <summary>
/// Turns the boxed argument of one <see cref="MetricLabelAttribute"/> parameter into its label value, with no
/// allocation for a value seen before. Chosen once per method by <see cref="ArgumentLabels.For"/>.
/// </summary>
internal abstract class ArgumentLabel
{
    /// <summary>The label value of <paramref name="argument"/> (as Castle holds it); empty for <see langword="null"/>.</summary>
    public abstract string Text(object? argument);
}
