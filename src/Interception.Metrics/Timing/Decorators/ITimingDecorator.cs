using System.ComponentModel;

namespace Interception.Metrics.Timing.Decorators;

/// <summary>Implemented by every source-generated timing decorator: what it wraps.</summary>
/// <remarks>Infrastructure for generated code; not meant to be implemented directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ITimingDecorator
{
    /// <summary>The decorated component.</summary>
    object DecoratedTarget { get; }
}
