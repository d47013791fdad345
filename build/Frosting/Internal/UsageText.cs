namespace Cake.Frosting.Internal;

/// <summary>The text printed by <c>--help</c>.</summary>
internal static class UsageText
{
    public const string Text = """
        Usage: build [--target <name>] [options] [--<argument> <value> ...]

        Host options:
          -t, --target <name>     Target to run (default: Default).
              --tree              Show the dependency tree of the target.
              --description       List every target with its description.
              --dryrun            Walk the graph of the target without running any task.
          -e, --exclusive         Run only the target, not its dependencies.
          -v, --verbosity <v>     quiet, minimal, normal, verbose or diagnostic (default: normal).
          -w, --working <dir>     Working directory of the build.
              --version           Print the build host's version (with a value: an argument, see below).
          -h, --help              Show this help.

        Every other --name value (or --name=value, or a bare --flag meaning true) is an argument
        that the build reads; the build's own parameters are listed in README.md.
        Exit codes: 0 success, 1 a task failed, 2 bad command line or parameter value,
        130 interrupted (Ctrl-C, SIGINT or SIGTERM); the build may add its own (README.md: 3, another
        build holds this checkout's run lock).
        """;
}
