namespace Build.Core.Ci;

/// <summary>
/// Presentation on a CI system: log groups, annotations, the summary page, secret masking.
/// It never changes what runs or how the build decides; locally every member does nothing.
/// </summary>
public interface ICiProvider
{
    string Name { get; }

    void StartGroup(string name);

    void EndGroup();

    /// <summary>An error tied to a file and line, shown on the change (e.g. a lint finding).</summary>
    void Annotate(Annotation annotation);

    void PublishSummary(string markdown);

    void Mask(string secret);
}
