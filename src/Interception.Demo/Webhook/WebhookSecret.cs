using System.Security.Cryptography;
using System.Text;

namespace Interception.Demo.Webhook;

/// <summary>
/// Checks the <c>X-Telegram-Bot-Api-Secret-Token</c> header in constant time: both sides are hashed first, so neither
/// the position of the first wrong character nor the secret's length shows in the time taken.
/// </summary>
internal sealed class WebhookSecret(WebhookSettings settings)
{
    /// <summary>The header Telegram sends the secret in.</summary>
    public const string HeaderName = "X-Telegram-Bot-Api-Secret-Token";

    private readonly byte[] _expected = SHA256.HashData(Encoding.UTF8.GetBytes(settings.Secret));

    /// <summary>Whether <paramref name="header"/> is exactly the configured secret; a missing or repeated header never is.</summary>
    public bool Matches(IReadOnlyList<string?> header)
    {
        if (header.Count != 1 || header[0] is not { } presented)
        {
            return false;
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), hash);
        return CryptographicOperations.FixedTimeEquals(hash, _expected);
    }
}
