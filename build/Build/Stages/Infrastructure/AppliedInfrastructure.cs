using Build.Core;

namespace Build.Stages.Infrastructure;

/// <summary>
/// What Apply left for Deploy (artifacts/infrastructure/&lt;env&gt;.json, carried over between runs): where the
/// environment's service runs, from terraform's outputs, for the commit that applied it.
/// </summary>
public sealed record AppliedInfrastructure(
    string Environment,
    string Commit,
    DateTimeOffset AppliedAt,
    string Cluster,
    string Service,
    string Container,
    string TaskFamily,
    string PublicUrl) : IStageResult
{
    public static string Missing => "No infrastructure was applied in this run: the Apply target applies it.";

    public static AppliedInfrastructure From(TerraformOutputs outputs, string environment, string commit, DateTimeOffset appliedAt)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        return new AppliedInfrastructure(
            environment,
            commit,
            appliedAt,
            outputs.ClusterName,
            outputs.ServiceName,
            outputs.ContainerName,
            outputs.All.GetValueOrDefault("task_family", ""),
            outputs.PublicUrl);
    }
}
