namespace Interception.Metrics.Autofac.Tests.Fixtures;

public class MessageFormatterDecorator(IMessageFormatter inner) : IMessageFormatter
{
    public IMessageFormatter Inner { get; } = inner;

    public string Format(string text) => $"[{Inner.Format(text)}]";
}
