namespace Interception.Demo.Startup;

/// <summary>A demo setting (<c>Demo</c>, <c>Bot</c> or <c>Telegram</c> section) is not valid; the message names the full key and what it accepts.</summary>
internal sealed class DemoConfigurationException(string key, string message)
    : Exception($"Invalid demo configuration at '{key}': {message}")
{
    public string Key { get; } = key;
}
