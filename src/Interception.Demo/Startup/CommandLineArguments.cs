namespace Interception.Demo.Startup;

/// <summary>The command line, checked and turned into configuration for the host.</summary>
/// <param name="HostArguments">Every option as one <c>--key=value</c> argument, for <c>WebApplication.CreateBuilder</c>.</param>
/// <param name="Environment">The environment named by <c>--environment</c>, or <see langword="null"/>.</param>
/// <param name="ShowHelp">Whether <c>--help</c> was given.</param>
internal sealed record CommandLineArguments(IReadOnlyList<string> HostArguments, string? Environment, bool ShowHelp);
