using Build.Core.Secrets;
using Cake.Common.Build.GitHubActions;
using Cake.Common.Build.GitHubActions.Data;

namespace Build.Core.Ci;

/// <summary>GitHub Actions through Cake's workflow commands; every text is redacted before it is sent.</summary>
public sealed class GitHubActionsCi(IGitHubActionsProvider actions, SecretRegistry secrets) : ICiProvider
{
    public string Name => "GitHubActions";

    public void StartGroup(string name) => actions.Commands.StartGroup(secrets.Redact(name));

    public void EndGroup() => actions.Commands.EndGroup();

    public void Annotate(Annotation annotation)
    {
        var place = new GitHubActionsAnnotation
        {
            File = annotation.File,
            StartLine = annotation.Line,
            StartColumn = annotation.Column,
        };
        var message = secrets.Redact(annotation.Message);
        switch (annotation.Level)
        {
            case AnnotationLevel.Error:
                actions.Commands.Error(message, place);
                break;
            case AnnotationLevel.Warning:
                actions.Commands.Warning(message, place);
                break;
            default:
                actions.Commands.Notice(message, place);
                break;
        }
    }

    public void PublishSummary(string markdown)
    {
        if (actions.Environment.Runtime.StepSummary is not null)
        {
            actions.Commands.SetStepSummary(secrets.Redact(markdown));
        }
    }

    // The one place a secret is written out: GitHub's runner consumes the command and masks the value.
    public void Mask(string secret) => actions.Commands.SetSecret(secret);
}
