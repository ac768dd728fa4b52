namespace Interception.Demo.Reporting;

/// <summary>The banner: what runs and where it sends. Set once the server listens; drawn above the live table.</summary>
internal sealed class ConsoleHeader
{
    private volatile string _text = string.Empty;

    public string Text
    {
        get => _text;
        set => _text = value;
    }
}
