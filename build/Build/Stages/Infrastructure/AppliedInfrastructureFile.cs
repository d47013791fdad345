using System.Text.Json;
using Build.Core;
using Build.Core.Secrets;
using Cake.Core;
using Cake.Core.IO;

namespace Build.Stages.Infrastructure;

/// <summary>artifacts/infrastructure/&lt;env&gt;.json: Apply's record, so Deploy also works with --exclusive and in a later CI job.</summary>
public static class AppliedInfrastructureFile
{
    public static FilePath For(BuildPaths paths, string environment)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return paths.Artifacts.Combine("infrastructure").CombineWithFilePath($"{environment}.json");
    }

    /// <summary>Writes the record as every artifact is written (redacted).</summary>
    public static void Write(BuildContext context, AppliedInfrastructure applied)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(applied);
        context.WriteArtifact(For(context.Paths, applied.Environment), Json(applied));
    }

    public static string Json(AppliedInfrastructure applied) => JsonSerializer.Serialize(applied, JsonDefaults.Indented);

    /// <summary>
    /// The infrastructure applied in this run, else the record an earlier run of this commit left for this environment;
    /// one line naming what is wrong otherwise (Deploy must never aim at a service nobody applied for it).
    /// </summary>
    public static AppliedInfrastructure Resolve(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Results.TryGet<AppliedInfrastructure>() is { } applied)
        {
            return applied;
        }

        var environment = context.BuildEnvironment.Name;
        var file = For(context.Paths, environment).FullPath;
        if (!File.Exists(file))
        {
            throw new CakeException($"No applied infrastructure is recorded for '{environment}' ({file} is missing): run the Apply target for '{environment}' first (or drop --exclusive).");
        }

        AppliedInfrastructure? record;
        try
        {
            record = JsonSerializer.Deserialize<AppliedInfrastructure>(File.ReadAllText(file), JsonDefaults.Indented);
        }
        catch (JsonException unreadable)
        {
            throw new CakeException($"{file} is not an infrastructure record ({unreadable.Message}): run the Apply target again.");
        }

        if (record is null || record.Environment != environment)
        {
            throw new CakeException($"{file} records the infrastructure of '{record?.Environment ?? "?"}', not of '{environment}': run the Apply target for '{environment}'.");
        }

        var commit = context.BuildVersion.Commit;
        if (record.Commit != commit)
        {
            throw new CakeException($"{file} was recorded by commit {Short(record.Commit)}, not {Short(commit)}: run the Apply target for '{environment}' at this commit.");
        }

        return record;
    }

    private static string Short(string commit) => commit.Length > 12 ? commit[..12] : commit;
}
