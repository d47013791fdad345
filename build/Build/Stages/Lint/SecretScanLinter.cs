using Build.Stages.Lint.Secrets;
using Cake.Core;
using Cake.Core.IO;

namespace Build.Stages.Lint;

/// <summary>
/// The secret scan as a linter (see <see cref="SecretScan"/>): each finding is <c>file:line:col: rule</c> with the
/// redacted preview, each expired ignore entry a finding on its line of the ignore file. Never the secret itself.
/// </summary>
public static class SecretScanLinter
{
    public const string Name = "secret scan";

    /// <summary>The rule of an expired ignore entry.</summary>
    public const string ExpiredRule = "secret-ignore-expired";

    public static SecretScanResult Scan(ICakeContext context, DirectoryPath root, FilePath ignoreFile, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(ignoreFile);
        var ignore = SecretIgnoreFile.Load(ignoreFile.FullPath, root.GetRelativePath(ignoreFile).FullPath);
        return SecretScan.Run(SecretSources.Git(context, root), root.FullPath, ignore, today);
    }

    public static IReadOnlyList<LintFinding> Findings(SecretScanResult result, string ignoreFile)
    {
        ArgumentNullException.ThrowIfNull(result);
        return
        [
            .. result.Findings.Select(finding => new LintFinding(
                Name,
                finding.File,
                finding.Line,
                finding.Column,
                finding.Rule,
                finding.Commit is null
                    ? $"{finding.Describe()}: remove it and rotate it, or add a reviewed entry to {ignoreFile}"
                    : $"{finding.Describe()} added in commit {finding.Commit} ({finding}), no longer in the tree: rotate it (it stays in history), or add a reviewed entry to {ignoreFile}")),
            .. result.Expired.Select(entry => new LintFinding(
                Name,
                ignoreFile,
                entry.Line,
                1,
                ExpiredRule,
                $"the entry for {entry} expired on {entry.Expires:yyyy-MM-dd}: review it and renew the date, or remove it")),
        ];
    }
}
