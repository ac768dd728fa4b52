namespace Interception.Demo.Load;

/// <summary>The built-in load: whether it runs, how many concurrent senders, and the seed of what they send.</summary>
internal sealed record LoadSettings(bool Enabled, int Workers, int Seed);
