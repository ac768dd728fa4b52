using System.Collections.Frozen;
using System.Text.Json;
using Telegram.Bot.Types.Enums;

namespace Interception.Demo.Webhook;

/// <summary>The label values of <c>telegram_updates_total</c>: the Bot API's names of update types, and the outcomes.</summary>
internal static class UpdateLabels
{
    private static readonly FrozenDictionary<UpdateType, string> Types =
        Enum.GetValues<UpdateType>().ToFrozenDictionary(type => type, type => JsonNamingPolicy.SnakeCaseLower.ConvertName(type.ToString()));

    private static readonly FrozenDictionary<UpdateOutcome, string> Outcomes =
        Enum.GetValues<UpdateOutcome>().ToFrozenDictionary(outcome => outcome, outcome => JsonNamingPolicy.SnakeCaseLower.ConvertName(outcome.ToString()));

    /// <summary><c>message</c>, <c>channel_post</c>, <c>callback_query</c>, ...; <c>unknown</c> for an update with none of the known fields.</summary>
    public static string Of(UpdateType type) => Types.GetValueOrDefault(type, "unknown");

    public static string Of(UpdateOutcome outcome) => Outcomes[outcome];
}
