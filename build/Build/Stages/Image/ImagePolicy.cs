using System.Text.RegularExpressions;
using Build.Parameters;
using Build.Tools.Docker;

namespace Build.Stages.Image;

/// <summary>
/// The offline policy check of a built image's configuration. Every rule is evaluated and every violation listed in
/// one pass; the caller fails the build with <see cref="ImagePolicyResult.FailureMessage"/>.
/// </summary>
public static partial class ImagePolicy
{
    private static readonly string[] RootUsers = ["root", "0"];

    // Values the Dockerfile uses when a build argument was not passed: present, but not real.
    private static readonly string[] PlaceholderValues = ["unknown", "0.0.0-local", "1970-01-01T00:00:00Z"];

    public static ImagePolicyResult Evaluate(DockerImageDetails image, IReadOnlyList<string> history, ImageSize size, int budgetMegabytes)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(size);
        var violations = new List<PolicyViolation>();
        violations.AddRange(CheckUser(image.Config));
        violations.AddRange(CheckConfigSecrets(image.Config));
        violations.AddRange(CheckHistory(history));
        violations.AddRange(CheckLabels(image.Config));
        violations.AddRange(CheckTags(image.RepoTags));
        violations.AddRange(CheckSize(size, budgetMegabytes));
        violations.AddRange(CheckHealth(image.Config));
        return new ImagePolicyResult(violations, size, budgetMegabytes);
    }

    private static IEnumerable<PolicyViolation> CheckUser(DockerImageConfig config)
    {
        var user = config.User?.Trim() ?? "";
        var name = user.Split(':')[0];
        if (name.Length == 0 || RootUsers.Contains(name, StringComparer.Ordinal))
        {
            yield return new(ImagePolicyRules.NonRootUser, $"the image runs as root (USER is '{user}'); set a non-root USER, e.g. USER 1654:1654.");
        }
    }

    private static IEnumerable<PolicyViolation> CheckConfigSecrets(DockerImageConfig config)
    {
        foreach (var (name, value) in config.EnvironmentVariables)
        {
            if (SecretPatterns.IsSecretName(name) && value.Length > 0)
            {
                yield return new(ImagePolicyRules.NoSecretsInConfig, $"environment variable {name} has a secret-looking name and a value {SecretPatterns.Hint(value)}; pass secrets at run time (ECS secrets, docker run -e), never bake them in.");
            }
            else if (SecretPatterns.DescribeValue(value) is { } kind)
            {
                yield return new(ImagePolicyRules.NoSecretsInConfig, $"environment variable {name} holds what looks like {kind} {SecretPatterns.Hint(value)}.");
            }
        }

        foreach (var (name, value) in config.LabelsOrEmpty)
        {
            if (SecretPatterns.DescribeValue(value) is { } kind)
            {
                yield return new(ImagePolicyRules.NoSecretsInConfig, $"label {name} holds what looks like {kind} {SecretPatterns.Hint(value)}.");
            }
        }
    }

    private static IEnumerable<PolicyViolation> CheckHistory(IReadOnlyList<string> history)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in history)
        {
            foreach (Match pair in Assignment().Matches(line))
            {
                var name = pair.Groups["name"].Value;
                var value = pair.Groups["value"].Value.Trim('"');
                var message = SecretPatterns.IsSecretName(name) && value.Length > 0
                    ? $"build argument or variable {name} has a secret-looking name and is recorded in the image history with a value {SecretPatterns.Hint(value)}; use BuildKit secrets (RUN --mount=type=secret), never --build-arg."
                    : SecretPatterns.DescribeValue(value) is { } kind
                        ? $"{name} in the image history holds what looks like {kind} {SecretPatterns.Hint(value)}."
                        : null;
                if (message is not null && reported.Add(name))
                {
                    yield return new(ImagePolicyRules.NoSecretBuildArgs, message);
                }
            }
        }
    }

    private static IEnumerable<PolicyViolation> CheckLabels(DockerImageConfig config)
    {
        var labels = config.LabelsOrEmpty;
        foreach (var required in OciLabels.Required)
        {
            if (!labels.TryGetValue(required, out var value) || string.IsNullOrWhiteSpace(value))
            {
                yield return new(ImagePolicyRules.RequiredLabels, $"label {required} is missing; build through the Image target (it passes the label build arguments).");
            }
            else if (PlaceholderValues.Contains(value.Trim(), StringComparer.Ordinal))
            {
                yield return new(ImagePolicyRules.RequiredLabels, $"label {required} is the placeholder '{value}'; pass the build argument (the Image target does).");
            }
        }
    }

    private static IEnumerable<PolicyViolation> CheckTags(IReadOnlyList<string> tags)
    {
        var latest = tags.Where(tag => ImageTags.TagOf(tag) == ImageTags.Latest).ToList();
        if (latest.Count > 0)
        {
            yield return new(ImagePolicyRules.NoLatestTag, $"the image is tagged {string.Join(", ", latest)}; remove it (docker rmi {latest[0]}) and tag versions only.");
        }
    }

    private static IEnumerable<PolicyViolation> CheckSize(ImageSize size, int budgetMegabytes)
    {
        if (size.CompressedMegabytes > budgetMegabytes)
        {
            yield return new(ImagePolicyRules.SizeBudget, $"the image is {size.CompressedMegabytes} MB compressed ({size.UncompressedMegabytes} MB on disk), over the budget of {budgetMegabytes} MB (--{ArgumentNames.ImageSizeBudget}).");
        }
    }

    private static IEnumerable<PolicyViolation> CheckHealth(DockerImageConfig config)
    {
        if (config.Healthcheck is null || config.Healthcheck.IsDisabled)
        {
            yield return new(ImagePolicyRules.HealthCheck, "the image declares no HEALTHCHECK; add one (this app: CMD [\"/app/App\", \"healthcheck\"]).");
        }
    }

    // NAME=value pairs as the history records them: "|2 TOKEN=abc VERSION=1 /bin/sh -c ...", "ARG X=1", "ENV A=b".
    [GeneratedRegex(@"(?<![\w./-])(?<name>[A-Za-z_][A-Za-z0-9_]*)=(?<value>""[^""]*""|[^\s""]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Assignment();
}
