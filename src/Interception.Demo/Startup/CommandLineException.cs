namespace Interception.Demo.Startup;

/// <summary>The command line is not valid; the message names the option and what it accepts, in one line.</summary>
internal sealed class CommandLineException(string message) : Exception(message);
