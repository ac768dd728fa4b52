namespace Interception.Metrics.DynamicProxy.Tests.Fixtures;

/// <summary>An argument that must never be turned into text: its <see cref="ToString"/> counts and would leak a secret.</summary>
public sealed class Payload(string secret)
{
    public int ToStringCalls { get; private set; }

    public override string ToString()
    {
        ToStringCalls++;
        return secret;
    }
}
