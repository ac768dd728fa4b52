namespace Interception.Demo.Startup;

/// <summary>
/// Reads the demo's command line: its own options (<c>--duration</c>, <c>--workers</c>, ...), the host's
/// (<c>--urls</c>, <c>--environment</c>) and configuration keys of the demo's sections (<c>--Metrics:Backends:StatsD:Enabled=true</c>).
/// Anything else, or a value an option does not accept, is a <see cref="CommandLineException"/> naming the option.
/// </summary>
internal static class CommandLine
{
    /// <summary>The configuration sections a <c>--Section:Key</c> argument may set.</summary>
    public static readonly IReadOnlyList<string> Sections = ["Metrics", "Bot", "Telegram", "Demo", "Logging"];

    private static readonly Option[] Options =
    [
        new("--urls", "urls", "<addresses>", Check(ValueRules.Urls)),
        new("--environment", "environment", "<name>", Check(ValueRules.EnvironmentName)),
        new("--duration", "Demo:Duration", "<seconds>", Check(ValueRules.Seconds)),
        new("--workers", "Demo:Workers", "<n>", Check(ValueRules.Workers)),
        new("--seed", "Demo:Seed", "<n>", Check(ValueRules.Seed)),
        new("--data", "Demo:Data", "<folder>", Check(ValueRules.Folder)),
        new("--no-load", "Demo:Load", Placeholder: null, Check: null),
    ];

    /// <summary>Every option, for the usage text and error messages.</summary>
    public static string OptionList => string.Join(", ", Options.Select(o => o.Name).Append("--help").Append("--Section:Key=value"));

    /// <exception cref="CommandLineException">An unknown option, a missing value or a value the option does not accept.</exception>
    public static CommandLineArguments Parse(IReadOnlyList<string> args)
    {
        var host = new List<string>();
        string? environment = null;
        var help = false;
        for (var i = 0; i < args.Count; i++)
        {
            var argument = args[i];
            if (argument is "--help" or "-h" or "-?")
            {
                help = true;
                continue;
            }

            if (!argument.StartsWith("--", StringComparison.Ordinal) || argument.Length == 2)
            {
                throw new CommandLineException($"Unexpected argument '{argument}'. Options: {OptionList} (see --help).");
            }

            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? argument : argument[..equals];
            var inlineValue = equals < 0 ? null : argument[(equals + 1)..];
            var option = Options.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));
            if (option is { Check: null })
            {
                if (inlineValue is not null)
                {
                    throw new CommandLineException($"Option {option.Name} takes no value; remove '={inlineValue}'.");
                }

                host.Add($"--{option.Key}=false");
                continue;
            }

            var key = option?.Key ?? ConfigurationKey(name);
            var value = inlineValue ?? NextValue(args, ref i, option?.Name ?? name, option?.Placeholder ?? "<value>");
            option?.Check!(option.Name, value);
            if (option?.Name == "--environment")
            {
                environment = value.Trim();
            }

            host.Add($"--{key}={value}");
        }

        return new CommandLineArguments(host, environment, help);
    }

    private static string ConfigurationKey(string name)
    {
        var key = name[2..];
        var section = key.Split(':')[0];
        if (!key.Contains(':', StringComparison.Ordinal) || !Sections.Contains(section, StringComparer.OrdinalIgnoreCase) || key.EndsWith(':'))
        {
            throw new CommandLineException(
                $"Unknown option '{name}'. Options: {OptionList}, where Section is one of {string.Join(", ", Sections)} (see --help).");
        }

        return key;
    }

    private static string NextValue(IReadOnlyList<string> args, ref int i, string name, string placeholder)
    {
        if (i + 1 >= args.Count || (args[i + 1].StartsWith("--", StringComparison.Ordinal) && args[i + 1].Length > 2))
        {
            throw new CommandLineException($"Option {name} needs a value: {name} {placeholder}.");
        }

        return args[++i];
    }

    private static Action<string, string> Check<T>(ValueRule<T> rule, string? accepts = null) =>
        (name, value) =>
        {
            if (!rule.TryParse(value, out _))
            {
                throw new CommandLineException($"Invalid value '{value}' for {name}: expected {accepts ?? rule.Accepts}.");
            }
        };

    /// <summary>A named option; one without <paramref name="Check"/> is a switch that takes no value and sets its key to false.</summary>
    private sealed record Option(string Name, string Key, string? Placeholder, Action<string, string>? Check);
}
