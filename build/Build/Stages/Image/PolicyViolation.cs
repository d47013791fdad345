namespace Build.Stages.Image;

/// <summary>One broken rule, with a message that says what and where (never a secret's value).</summary>
public sealed record PolicyViolation(ImagePolicyRule Rule, string Message)
{
    public override string ToString() => $"{Rule.Id} {Rule.Name}: {Message}";
}
