namespace Interception.Metrics.Generators.Decorators;

/// <summary>How a generated decorator ends the timing of a method, by its declared return type.</summary>
internal enum ReturnFamily
{
    Void,
    Value,
    Task,
    ObservedTask,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
    Stream,

    /// <summary>A method type parameter: the family is known per call only.</summary>
    Generic,
}
