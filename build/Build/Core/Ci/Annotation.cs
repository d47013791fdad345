namespace Build.Core.Ci;

/// <summary>A finding tied to a place in the repository.</summary>
public sealed record Annotation(AnnotationLevel Level, string Message, string? File = null, int? Line = null, int? Column = null)
{
    public override string ToString() =>
        (File is null ? "" : $"{File}{(Line is null ? "" : $":{Line}")}{(Column is null ? "" : $":{Column}")}: ") + Message;
}

public enum AnnotationLevel
{
    Notice,
    Warning,
    Error,
}
