namespace Interception.Metrics.Reliability.Tests.Fixtures;

public sealed class Greeting : IGreeting
{
    public async Task<string> GreetAsync(string name)
    {
        await Task.Yield();
        return "hello " + name;
    }
}
