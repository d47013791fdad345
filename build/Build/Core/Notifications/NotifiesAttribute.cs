namespace Build.Core.Notifications;

/// <summary>
/// Marks a task whose outcome the team hears about (Deploy, Promote, Release): when it succeeds or fails, a message
/// goes to the webhook <see cref="WebhookNotifier.Variable"/> names, if any.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NotifiesAttribute : Attribute
{
    /// <summary>
    /// Gets or sets a value indicating whether the task acts on an environment: then only a cloud environment's outcome
    /// is sent (the local one is a developer's own loop) and the message names it. True by default; Release: false.
    /// </summary>
    public bool PerEnvironment { get; set; } = true;

    /// <summary>
    /// Gets or sets a value indicating whether the task is a deploy that GitHub records (<see cref="GitHubDeployments"/>):
    /// on GitHub Actions, a deployment of the commit to the cloud environment with its in_progress, success or failure status.
    /// </summary>
    public bool GitHubDeployment { get; set; }
}
