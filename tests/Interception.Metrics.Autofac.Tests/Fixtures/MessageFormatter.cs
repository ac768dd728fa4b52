namespace Interception.Metrics.Autofac.Tests.Fixtures;

public class MessageFormatter : IMessageFormatter
{
    public string Format(string text) => text.ToUpperInvariant();
}
