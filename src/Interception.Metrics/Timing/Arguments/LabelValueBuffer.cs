using System.Runtime.CompilerServices;

namespace Interception.Metrics.Timing.Arguments;

/// <summary>The label values of one call, on the stack: finding the call's series allocates nothing.</summary>
[InlineArray(Length)]
internal struct LabelValueBuffer
{
    /// <summary>How many values it holds.</summary>
    public const int Length = 8;

    private string _first;
}
