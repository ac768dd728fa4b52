namespace Interception.Metrics.Timing.Arguments;

/// <summary>
/// Turns the boxed argument of one <see cref="MetricLabelAttribute"/> parameter into its label value, with no
/// allocation for a value seen before. Chosen once per method by <see cref="ArgumentLabels.For"/>. A label with a few
/// known values (an enum, a bool) also numbers them, so that a method whose labels all do finds a call's series by
/// arithmetic rather than by hashing text (<see cref="Count"/>, <see cref="IndexOf"/>).
/// </summary>
internal abstract class ArgumentLabel
{
    /// <summary>How many values <see cref="IndexOf"/> numbers; 0 when the label does not number its values.</summary>
    public virtual int Count => 0;

    /// <summary>The label value of <paramref name="argument"/> (as Castle holds it); empty for <see langword="null"/>.</summary>
    public abstract string Text(object? argument);

    /// <summary>The number of <paramref name="argument"/>'s value, in [0, <see cref="Count"/>); -1 for a value it does not number.</summary>
    public virtual int IndexOf(object? argument) => -1;
}
