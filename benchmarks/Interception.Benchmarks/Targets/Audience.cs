namespace Interception.Benchmarks.Targets;

/// <summary>An enum argument label.</summary>
public enum Audience
{
    Public,
    Private,
    Group,
}
