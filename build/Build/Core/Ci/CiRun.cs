namespace Build.Core.Ci;

/// <summary>
/// Which CI run this is, for the report: the provider (as the adapter names it), the pipeline (GitHub's workflow,
/// Jenkins' job), the run number and the job within it (GitHub's job id, the Jenkins stage). Locally all but the
/// provider are null. Read from the variables the CI sets; it changes nothing the build decides.
/// </summary>
public sealed record CiRun(string Provider, string? Pipeline, string? RunNumber, string? Job)
{
    public static CiRun Detect(string provider, Func<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        string? Read(string name) => variables(name) is { Length: > 0 } value ? value : null;
        return provider switch
        {
            "GitHubActions" => new(provider, Read("GITHUB_WORKFLOW"), Read("GITHUB_RUN_NUMBER"), Read("GITHUB_JOB")),
            "Jenkins" => new(provider, Read("JOB_NAME"), Read("BUILD_NUMBER"), Read("STAGE_NAME")),
            _ => new(provider, null, null, null),
        };
    }
}
