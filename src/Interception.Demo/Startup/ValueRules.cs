using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Interception.Demo.Startup;

/// <summary>The rules of the demo's settings, shared by the command line and the configuration keys.</summary>
internal static class ValueRules
{
    public static readonly ValueRule<double> Seconds = new(
        "a number of seconds, 0 or more (0 runs until Ctrl+C), such as 30 or 2.5",
        (string text, out double value) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value) && value >= 0 && value <= 31_536_000);

    public static readonly ValueRule<int> Workers = WholeNumber(1, 1000);

    public static readonly ValueRule<int> Seed = new(
        "a whole number, such as 42",
        (string text, out int value) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value));

    public static readonly ValueRule<bool> Boolean = new(
        "true or false",
        (string text, out bool value) => bool.TryParse(text, out value));

    public static readonly ValueRule<double> Rate = new(
        "a share from 0 to 1, such as 0.02",
        (string text, out double value) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value is >= 0 and <= 1);

    public static readonly ValueRule<TimeSpan> PositiveTime = new(
        "a time span above zero, such as 00:00:02 or 00:00:00.500",
        (string text, out TimeSpan value) => TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value) && value > TimeSpan.Zero);

    public static readonly ValueRule<TimeSpan> Latency = new(
        "a time span from 0 to 00:01:00, such as 00:00:00.050",
        (string text, out TimeSpan value) =>
            TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value) && value >= TimeSpan.Zero && value <= TimeSpan.FromMinutes(1));

    public static readonly ValueRule<int> RetryCount = WholeNumber(1, 10);

    public static readonly ValueRule<int> RetryAfter = WholeNumber(1, 60);

    /// <summary>Telegram's rule for a webhook secret token: 1 to 256 characters, A-Z, a-z, 0-9, _ and -.</summary>
    public static readonly ValueRule<string> WebhookSecret = new(
        "1 to 256 characters from A-Z, a-z, 0-9, _ and - (Telegram's rule for secret_token)",
        (string text, out string value) =>
        {
            value = text;
            return text.Length is >= 1 and <= 256 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
        });

    /// <summary>A bot token as Telegram issues them: the bot's numeric id, a colon, then the secret part.</summary>
    public static readonly ValueRule<string> BotToken = new(
        "a bot token such as 123456:demo-token (digits, a colon, then letters, digits, _ or -)",
        (string text, out string value) =>
        {
            value = text;
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon is >= 1 and <= 16
                && text[..colon].All(char.IsAsciiDigit)
                && text.Length > colon + 1
                && text[(colon + 1)..].All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
        });

    public static readonly ValueRule<string> Folder = new(
        "a folder path",
        (string text, out string value) =>
        {
            value = text;
            return text.Length > 0 && text.IndexOfAny(Path.GetInvalidPathChars()) < 0;
        });

    public static readonly ValueRule<string> EnvironmentName = new(
        "an environment name such as AllBackends (letters, digits, _, - and .)",
        (string text, out string value) =>
        {
            value = text;
            return text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');
        });

    /// <summary>Kestrel's own address syntax, checked with the parser Kestrel uses.</summary>
    public static readonly ValueRule<string> Urls = new(
        "one or more addresses separated by ';', such as http://127.0.0.1:8080 (port 0 picks a free port)",
        (string text, out string value) =>
        {
            value = text;
            var addresses = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return addresses.Length > 0 && addresses.All(IsBindingAddress);
        });

    public static ValueRule<int> WholeNumber(int min, int max) => new(
        $"a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}",
        (string text, out int value) =>
            int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= min && value <= max);

    private static bool IsBindingAddress(string address)
    {
        try
        {
            var parsed = BindingAddress.Parse(address);
            return parsed.Scheme is "http" or "https" && parsed.Port is >= 0 and <= 65535;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
