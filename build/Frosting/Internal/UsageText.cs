using System.Globalization;
using System.Text;

namespace Cake.Frosting.Internal;

/// <summary>The text printed by <c>--help</c>: the host's switches, then every argument the build described.</summary>
internal static class UsageText
{
    private const string Host = """
        Usage: SCRIPT [<target>] [options] [--<argument> <value> ...]
               SCRIPT Test is SCRIPT --target Test.

        Host options:
          -t, --target <name>     Target to run (default: Default).
              --tree              Show the dependency tree of the target.
              --description       List every target with its description.
              --dryrun            Walk the graph of the target without running any task.
          -e, --exclusive         Run only the target, not its dependencies.
          --parallel <n>      How many independent tasks may run at once (default: the number of cores; 1: one
                              at a time, in Cake's order).
          -v, --verbosity <v>     quiet, minimal, normal, verbose or diagnostic (default: normal).
          -w, --working <dir>     Working directory of the build.
              --version           Print the build host's version (with a value: an argument, see below).
          -h, --help              Show this help.
        """;

    private const string ExitCodes = """
        Exit codes: 0 success, 1 a task failed, 2 bad command line or parameter value,
        130 interrupted (Ctrl-C, SIGINT or SIGTERM); the build may add its own (README.md: 3, another
        build holds this checkout's run lock).
        """;

    public static string Text => Render([]);

    /// <summary>The help text, its usage lines naming <paramref name="script"/> (default: how this build was started, see <see cref="ScriptName"/>).</summary>
    public static string Render(IReadOnlyList<ArgumentDescription> arguments, string? script = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var text = new StringBuilder(Host.Replace("SCRIPT", script ?? ScriptName.Current, StringComparison.Ordinal)).AppendLine().AppendLine();
        if (arguments.Count == 0)
        {
            text.AppendLine("Every other --name value (or --name=value, or a bare --flag meaning true) is an argument")
                .AppendLine("that the build reads.");
        }
        else
        {
            text.AppendLine("Build parameters (--name value, --name=value; a switch alone means true; README.md says more):");
            var names = arguments.Select(Names).ToList();
            var width = Math.Min(names.Max(name => name.Length), 30) + 4;
            var indent = new string(' ', width);
            foreach (var (argument, name) in arguments.Zip(names))
            {
                var values = argument.IsSwitch ? "a switch" : argument.Value;
                var first = $"  {name}".PadRight(width);
                text.Append(first.Length > width ? first + Environment.NewLine + indent : first)
                    .AppendLine(CultureInfo.InvariantCulture, $"{values}; default: {argument.Default}")
                    .Append(indent).AppendLine(argument.Meaning);
            }
        }

        return text.AppendLine().Append(ExitCodes).ToString();
    }

    private static string Names(ArgumentDescription argument) =>
        string.Join(", ", argument.Aliases.Prepend(argument.Name).Select(name => $"--{name}"));
}
