namespace Build.Tools.Git;

/// <summary>One commit as <c>git log</c> tells it: its full sha, subject line and body.</summary>
public sealed record GitCommit(string Sha, string Subject, string Body)
{
    public string ShortSha => Sha.Length > 7 ? Sha[..7] : Sha;
}
