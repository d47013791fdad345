namespace Build.Stages.Lint.Secrets;

/// <summary>
/// One kind of credential the secret scan looks for: an id (what findings, ignore entries and SARIF name), what it
/// finds, and how to find it in one line (the next line is given for rules whose secret spans lines, like a private
/// key block). A rule returns where the secret is and how many of its first characters are a public prefix
/// (<c>AKIA</c>, <c>ghp_</c>): the only characters a finding may show.
/// </summary>
public abstract class SecretRule
{
    protected SecretRule(string id, string description)
    {
        Id = id;
        Description = description;
    }

    public string Id { get; }

    public string Description { get; }

    public abstract IEnumerable<SecretMatch> Find(string line, string? nextLine);
}

/// <summary>A secret found in a line: its 0-based position, the value and how many leading characters may be shown.</summary>
public sealed record SecretMatch(int Index, string Value, int PublicPrefix);
