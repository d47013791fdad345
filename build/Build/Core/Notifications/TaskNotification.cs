using System.Text.Json.Nodes;

namespace Build.Core.Notifications;

/// <summary>
/// What a notifying task tells the channel: one line of text (Slack's <c>text</c>, which Teams' and Mattermost's
/// Slack-compatible webhooks also read) built from the task's outcome and the outputs it reported.
/// </summary>
public sealed record TaskNotification(string Text)
{
    /// <summary>The outputs whose values the message carries, in this order, when the task reported them.</summary>
    public static readonly IReadOnlyList<string> ShownOutputs = ["release", "promoted", "url", "reference", "outcome"];

    /// <param name="task">The task's name.</param>
    /// <param name="environment">The environment the task acted on; null for one that acts on none (Release).</param>
    /// <param name="version">The build's version and commit, e.g. 1.4.0 (0123456789ab).</param>
    /// <param name="error">The task's error line; null when it succeeded.</param>
    /// <param name="outputs">What the task reported (Report.AddOutput).</param>
    /// <param name="runLink">Where the CI run is; null locally.</param>
    public static TaskNotification For(string task, string? environment, string version, string? error, IReadOnlyDictionary<string, string> outputs, string? runLink)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var verdict = error is null ? "succeeded" : "FAILED";
        var details = ShownOutputs.Where(outputs.ContainsKey).Select(key => $"{key}: {outputs[key]}").ToList();
        if (error is not null)
        {
            details.Add(error.Length > 300 ? error[..300] + "..." : error);
        }

        var run = runLink is null ? "" : $" ({runLink})";
        var body = details.Count == 0 ? "" : " — " + string.Join("; ", details);
        var target = environment is null ? "" : $" to {environment}";
        return new TaskNotification($"{task} {version}{target} {verdict}{body}{run}");
    }

    /// <summary>Gets the JSON a Slack-compatible incoming webhook takes.</summary>
    public string Json => new JsonObject { ["text"] = Text }.ToJsonString();
}
