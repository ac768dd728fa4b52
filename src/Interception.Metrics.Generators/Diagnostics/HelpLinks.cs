namespace Interception.Metrics.Generators.Diagnostics;

/// <summary>Where each diagnostic's help lives: the README section named after its ID.</summary>
internal static class HelpLinks
{
    // The README of the repository (also packed in every package): its "Compile-time checks" section has one
    // heading per ID, whose anchor is the lower-case ID.
    private const string Readme = "https://github.com/interception/interception/blob/main/README.md";

    public static string For(string id) => $"{Readme}#{id.ToLowerInvariant()}";
}
