namespace Build.Stages.Lint;

/// <summary>One problem a linter found, tied to a file and line of the repository.</summary>
public sealed record LintFinding(string Linter, string File, int Line, int Column, string Rule, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Rule} {Message} ({Linter})";
}
