namespace Build.Tools.Actionlint;

/// <summary>One problem actionlint found in a workflow file.</summary>
public sealed record ActionlintFinding(string File, int Line, int Column, string Kind, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message} [{Kind}]";
}
