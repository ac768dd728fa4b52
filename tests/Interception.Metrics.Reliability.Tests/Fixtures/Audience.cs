namespace Interception.Metrics.Reliability.Tests.Fixtures;

/// <summary>Who a post is for: an enum argument label.</summary>
public enum Audience
{
    Public,
    Private,
    Group,
}
