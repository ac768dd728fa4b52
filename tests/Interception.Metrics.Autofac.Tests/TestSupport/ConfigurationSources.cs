using System.Text;
using Microsoft.Extensions.Configuration;

namespace Interception.Metrics.Autofac.Tests.TestSupport;

/// <summary>
/// Real configuration sources a user has: a JSON file, environment variables (<c>Metrics__Backends__StatsD</c>) and
/// the command line (<c>--Metrics:Backends:StatsD=true</c>). Each builds a configuration holding one setting.
/// </summary>
internal static class ConfigurationSources
{
    public const string Json = "json";
    public const string EnvironmentVariables = "environment";
    public const string CommandLine = "command line";

    public static IReadOnlyList<string> All { get; } = [Json, EnvironmentVariables, CommandLine];

    /// <summary>
    /// A configuration where <paramref name="key"/> has <paramref name="value"/>: a JSON value (<c>true</c>,
    /// <c>"off"</c>, <c>[1, 2]</c>, <c>{ "A": 1 }</c>) in the JSON source; in the other sources, a string value as it
    /// is, an array as indexed keys and an object as its keys.
    /// </summary>
    public static IConfiguration Build(string source, string key, string jsonValue)
    {
        var builder = new ConfigurationBuilder();
        switch (source)
        {
            case Json:
                builder.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(Nest(key, jsonValue))));
                return builder.Build();
            case CommandLine:
                return builder.AddCommandLine([.. Flatten(key, jsonValue).Select(s => $"--{s.Key}={s.Value}")]).Build();
            case EnvironmentVariables:
                var prefix = $"INTERCEPTION_TEST_{Guid.NewGuid():N}_";
                var variables = Flatten(key, jsonValue).Select(s => (Name: prefix + s.Key.Replace(":", "__", StringComparison.Ordinal), s.Value)).ToArray();
                try
                {
                    foreach (var (name, value) in variables)
                    {
                        Environment.SetEnvironmentVariable(name, value);
                    }

                    return builder.AddEnvironmentVariables(prefix).Build();
                }
                finally
                {
                    foreach (var (name, _) in variables)
                    {
                        Environment.SetEnvironmentVariable(name, null);
                    }
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown configuration source.");
        }
    }

    /// <summary>The JSON document <c>{"A":{"B":value}}</c> for key <c>A:B</c>.</summary>
    private static string Nest(string key, string jsonValue)
    {
        var parts = key.Split(':');
        var json = jsonValue;
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            json = $"{{\"{parts[i]}\": {json}}}";
        }

        return json;
    }

    /// <summary>The flat settings of a JSON value under <paramref name="key"/>, as the JSON provider would produce them.</summary>
    private static IEnumerable<KeyValuePair<string, string>> Flatten(string key, string jsonValue) =>
        new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(Nest(key, jsonValue))))
            .Build()
            .AsEnumerable()
            .Where(s => s.Value is not null)
            .Select(s => new KeyValuePair<string, string>(s.Key, s.Value!));
}
