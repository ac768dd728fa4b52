namespace Interception.Benchmarks.Targets;

/// <summary>
/// Eight copies of <see cref="ICalculator.Add"/>, each timed on its own series (<c>LaneCalculator.Add0</c> ...
/// <c>LaneCalculator.Add7</c>): what threads call when each records into a series of its own.
/// </summary>
public interface ILaneCalculator
{
    /// <summary>Lane 0.</summary>
    int Add0(int value);

    /// <summary>Lane 1.</summary>
    int Add1(int value);

    /// <summary>Lane 2.</summary>
    int Add2(int value);

    /// <summary>Lane 3.</summary>
    int Add3(int value);

    /// <summary>Lane 4.</summary>
    int Add4(int value);

    /// <summary>Lane 5.</summary>
    int Add5(int value);

    /// <summary>Lane 6.</summary>
    int Add6(int value);

    /// <summary>Lane 7.</summary>
    int Add7(int value);
}
