using Cake.Core;
using Cake.Core.Diagnostics;

namespace Cake.Frosting.Internal;

/// <summary>
/// Parses Frosting's command line. Host switches are recognised by name; every other
/// <c>--name value</c>, <c>--name=value</c> or bare <c>--flag</c> (value "true") becomes an argument.
/// A bare <c>--version</c> prints the host's version; <c>--version X</c> is an ordinary argument.
/// </summary>
internal static class CommandLineParser
{
    public const string DefaultTarget = "Default";

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["t"] = "target",
        ["v"] = "verbosity",
        ["e"] = "exclusive",
        ["h"] = "help",
        ["?"] = "help",
        ["w"] = "working",
        ["noop"] = "dryrun",
        ["whatif"] = "dryrun",
        ["descriptions"] = "description",
        ["showdescription"] = "description",
        ["showtree"] = "tree",
    };

    private static readonly HashSet<string> Flags = new(StringComparer.OrdinalIgnoreCase)
    {
        "tree", "dryrun", "exclusive", "description", "help",
    };

    private static readonly HashSet<string> Values = new(StringComparer.OrdinalIgnoreCase)
    {
        "target", "verbosity", "working",
    };

    public static HostOptions Parse(IReadOnlyList<string> args)
    {
        var flags = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var arguments = new List<KeyValuePair<string, string>>();
        var bareVersion = false;

        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = SplitToken(args[i]);
            name = Aliases.GetValueOrDefault(name, name);
            var hasNextValue = i + 1 < args.Count && !LooksLikeSwitch(args[i + 1]);

            if (Flags.Contains(name))
            {
                flags.Add(name);
                continue;
            }

            if (name.Equals("version", StringComparison.OrdinalIgnoreCase) && inlineValue is null && !hasNextValue)
            {
                bareVersion = true;
                continue;
            }

            var value = inlineValue ?? (hasNextValue ? args[++i] : "true");
            if (Values.Contains(name))
            {
                if (values.TryGetValue(name, out var earlier) && !earlier.Equals(value, StringComparison.OrdinalIgnoreCase))
                {
                    throw new CakeException(ExitCodes.Usage, $"--{name} is given twice ('{earlier}' and '{value}'): give it once.");
                }

                values[name] = value;
            }
            else
            {
                arguments.Add(new(name, value));
            }
        }

        return new HostOptions(
            SelectMode(flags, bareVersion),
            values.GetValueOrDefault("target", DefaultTarget),
            flags.Contains("exclusive"),
            ParseVerbosity(values.GetValueOrDefault("verbosity")),
            values.GetValueOrDefault("working"),
            arguments.ToLookup(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase));
    }

    private static HostMode SelectMode(HashSet<string> flags, bool bareVersion) =>
        flags.Contains("help") ? HostMode.Help
        : bareVersion ? HostMode.Version
        : flags.Contains("tree") ? HostMode.Tree
        : flags.Contains("description") ? HostMode.Description
        : flags.Contains("dryrun") ? HostMode.DryRun
        : HostMode.Run;

    private static (string Name, string? Value) SplitToken(string token)
    {
        if (!LooksLikeSwitch(token))
        {
            throw new CakeException(ExitCodes.Usage, $"Unexpected argument '{token}': arguments are given as --name value (see --help).");
        }

        var body = token.TrimStart('-');
        if (body.Length == 0)
        {
            throw new CakeException(ExitCodes.Usage, $"Unexpected argument '{token}' (see --help).");
        }

        var equals = body.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (body, null) : (body[..equals], body[(equals + 1)..]);
    }

    private static bool LooksLikeSwitch(string token) => token.StartsWith('-') && token.Length > 1 && !IsNegativeNumber(token);

    private static bool IsNegativeNumber(string token) => double.TryParse(token, System.Globalization.CultureInfo.InvariantCulture, out _);

    private static Verbosity ParseVerbosity(string? value)
    {
        if (value is null)
        {
            return Verbosity.Normal;
        }

        if (VerbosityParser.TryParse(value, out var verbosity))
        {
            return verbosity;
        }

        throw new CakeException(
            ExitCodes.Usage,
            $"Invalid --verbosity '{value}': use quiet, minimal, normal, verbose or diagnostic (or q, m, n, v, d).");
    }
}
