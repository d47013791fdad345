using Cake.Core;
using Cake.Core.Diagnostics;

namespace Cake.Frosting.Internal;

/// <summary>
/// Parses Frosting's command line. Host switches are recognised by name; every other <c>--name value</c>,
/// <c>--name=value</c> or bare <c>--flag</c> (value "true") becomes an argument. One word on its own is the target
/// (<c>build Test</c> is <c>build --target Test</c>). The build's described arguments are read as described: a switch
/// takes no value (only an explicit true or false after it), and an argument that needs a value and has none is an
/// error that says what it needs. A bare <c>--version</c> prints the host's version; <c>--version X</c> is an argument.
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

    // The host's own switches that take a value, and what to say when it is missing.
    private static readonly Dictionary<string, string> Values = new(StringComparer.OrdinalIgnoreCase)
    {
        ["target"] = "--target needs a value (a target name)",
        ["verbosity"] = "--verbosity needs a value: quiet, minimal, normal, verbose or diagnostic",
        ["working"] = "--working needs a value (a directory)",
        ["parallel"] = "--parallel needs a value: how many tasks may run at once (1: one at a time)",
    };

    public static HostOptions Parse(IReadOnlyList<string> args) => Parse(args, []);

    public static HostOptions Parse(IReadOnlyList<string> args, IReadOnlyList<ArgumentDescription> described)
    {
        ArgumentNullException.ThrowIfNull(args);
        var known = Index(described);
        var flags = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var arguments = new List<KeyValuePair<string, string>>();
        var bareVersion = false;
        string? positional = null;

        for (var i = 0; i < args.Count; i++)
        {
            if (!LooksLikeSwitch(args[i]))
            {
                positional = Positional(args[i], positional);
                continue;
            }

            var (name, inlineValue) = SplitToken(args[i]);
            name = Aliases.GetValueOrDefault(name, name);
            var next = i + 1 < args.Count ? args[i + 1] : null;
            var hasNextValue = next is not null && !LooksLikeSwitch(next);

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

            if (Values.TryGetValue(name, out var missing))
            {
                var value = Value(inlineValue, hasNextValue ? next : null, missing);
                i += inlineValue is null ? 1 : 0;
                if (values.TryGetValue(name, out var earlier) && !earlier.Equals(value, StringComparison.OrdinalIgnoreCase))
                {
                    throw new CakeException(ExitCodes.Usage, $"--{name} is given twice ('{earlier}' and '{value}'): give it once.");
                }

                values[name] = value;
                continue;
            }

            string argument;
            if (known.GetValueOrDefault(name) is not { } description)
            {
                // Not described: as Cake reads it, the next word is its value, else it is a flag.
                argument = inlineValue ?? (hasNextValue ? args[++i] : "true");
            }
            else if (description.IsSwitch)
            {
                argument = inlineValue ?? (IsBoolean(next) ? args[++i] : "true");
            }
            else
            {
                argument = Value(inlineValue, hasNextValue ? next : null, description.MissingValue);
                i += inlineValue is null ? 1 : 0;
            }

            arguments.Add(new(name, argument));
        }

        return new HostOptions(
            SelectMode(flags, bareVersion),
            Target(values.GetValueOrDefault("target"), positional),
            flags.Contains("exclusive"),
            ParseVerbosity(values.GetValueOrDefault("verbosity")),
            values.GetValueOrDefault("working"),
            ParseParallelism(values.GetValueOrDefault("parallel")),
            arguments.ToLookup(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase));
    }

    private static Dictionary<string, ArgumentDescription> Index(IReadOnlyList<ArgumentDescription> described)
    {
        var index = new Dictionary<string, ArgumentDescription>(StringComparer.OrdinalIgnoreCase);
        foreach (var description in described)
        {
            foreach (var name in description.Aliases.Prepend(description.Name))
            {
                index[name] = description;
            }
        }

        return index;
    }

    // The value written inline (--name=value) or the next word; neither, or an empty one, is the missing-value error.
    private static string Value(string? inlineValue, string? next, string missing)
    {
        var value = inlineValue ?? next;
        return string.IsNullOrWhiteSpace(value) ? throw new CakeException(ExitCodes.Usage, missing) : value;
    }

    private static string Positional(string token, string? earlier)
    {
        if (!IsTargetName(token))
        {
            throw new CakeException(ExitCodes.Usage, $"Unexpected argument '{token}': name a target ({ScriptName.Current} Test or --target Test) and give arguments as --name value (see --help).");
        }

        return earlier is null
            ? token
            : throw new CakeException(ExitCodes.Usage, $"Two targets given ('{earlier}' and '{token}'): give one ({ScriptName.Current} <target> or --target <target>).");
    }

    private static string Target(string? option, string? positional)
    {
        if (option is not null && positional is not null && !option.Equals(positional, StringComparison.OrdinalIgnoreCase))
        {
            throw new CakeException(ExitCodes.Usage, $"Two targets given ('{positional}' and --target '{option}'): give one ({ScriptName.Current} <target> or --target <target>).");
        }

        return option ?? positional ?? DefaultTarget;
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
        var body = token.TrimStart('-');
        if (body.Length == 0)
        {
            throw new CakeException(ExitCodes.Usage, $"Unexpected argument '{token}' (see --help).");
        }

        var equals = body.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (body, null) : (body[..equals], body[(equals + 1)..]);
    }

    private static bool LooksLikeSwitch(string token) => token.StartsWith('-') && token.Length > 1 && !IsNegativeNumber(token);

    // A target is a task name: a letter, then letters, digits, '_', '-' or '.'.
    private static bool IsTargetName(string token) =>
        token.Length > 0 && char.IsAsciiLetter(token[0]) && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');

    private static bool IsBoolean(string? token) => bool.TryParse(token, out _);

    private static bool IsNegativeNumber(string token) => double.TryParse(token, System.Globalization.CultureInfo.InvariantCulture, out _);

    private static int? ParseParallelism(string? value) =>
        value is null ? null
        : int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parallelism) && parallelism is >= 1 and <= 64 ? parallelism
        : throw new CakeException(ExitCodes.Usage, $"Invalid --parallel '{value}': give how many tasks may run at once, from 1 (one at a time) to 64.");

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
