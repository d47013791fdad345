namespace App.Maintenance;

/// <summary>
/// <c>App migrate</c> and <c>App backup</c>: the one-off commands Deploy runs as ECS tasks of the new revision before
/// the service is updated (terraform's <c>pre_deploy_command</c> and prod's <c>pre_deploy_backup_command</c>). The
/// sample app has no database, so both are harmless: they say what they would do and exit 0, without starting the web
/// host. A team with a database replaces them with its migration tool and its snapshot (see README.md, "Deploy").
/// The connection string comes from Secrets Manager through the container's <c>secrets</c>; its value is never printed.
/// </summary>
public static class MaintenanceCommand
{
    public const string Migrate = "migrate";

    public const string Backup = "backup";

    /// <summary>The environment variable ECS sets from the <c>ConnectionStrings__Default</c> app secret.</summary>
    public const string ConnectionStringVariable = "ConnectionStrings__Default";

    /// <summary>Only the single word <c>migrate</c> or <c>backup</c> selects a command (anything else starts the web app).</summary>
    public static bool IsRequested(IReadOnlyList<string> args) => args is [Migrate or Backup];

    /// <summary>Runs the command in <paramref name="args"/>; writes what it did and returns the exit code (0: done).</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, string? connectionString, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var database = string.IsNullOrEmpty(connectionString)
            ? $"{ConnectionStringVariable} is not set"
            : $"{ConnectionStringVariable} is set ({connectionString.Length} characters, value not shown)";
        var line = args[0] switch
        {
            Migrate => $"migrate: the sample app has no database schema; 0 migrations pending, nothing applied ({database}).",
            Backup => $"backup: the sample app has no database; nothing to snapshot ({database}).",
            _ => throw new ArgumentException($"Unknown command '{args[0]}'.", nameof(args)),
        };
        await output.WriteLineAsync(line).ConfigureAwait(false);
        return 0;
    }
}
