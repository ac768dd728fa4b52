namespace Interception.Demo.Startup;

/// <summary>How one setting is read from text, and what it accepts, in words, for the error message.</summary>
/// <typeparam name="T">The value read.</typeparam>
internal sealed class ValueRule<T>(string accepts, ValueRule<T>.Parser parse)
{
    /// <summary>Reads <paramref name="text"/>; <see langword="false"/> when it is not a valid value.</summary>
    public delegate bool Parser(string text, out T value);

    /// <summary>What the setting accepts, such as "a whole number from 1 to 1000".</summary>
    public string Accepts { get; } = accepts;

    public bool TryParse(string text, out T value) => parse(text.Trim(), out value);
}
