namespace Interception.Demo;

/// <summary>The bot-analytics demo; its workload arrives with the configuration and demo issue.</summary>
internal static class Program
{
    private static int Main()
    {
        Console.WriteLine("Interception demo: the bot-analytics workload is not built yet.");
        return 0;
    }
}
