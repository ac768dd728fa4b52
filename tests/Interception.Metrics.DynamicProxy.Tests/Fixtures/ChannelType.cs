namespace Interception.Metrics.DynamicProxy.Tests.Fixtures;

/// <summary>An enum label: a few values, one of them a combination a caller may cast.</summary>
[Flags]
public enum ChannelType
{
    None = 0,
    Public = 1,
    Private = 2,
    Group = 4,
}
