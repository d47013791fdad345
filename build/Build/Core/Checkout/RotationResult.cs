namespace Build.Core.Checkout;

/// <summary>What <see cref="ArtifactsRotation.Rotate"/> did: how many files it moved aside, and which records it carried over.</summary>
public sealed record RotationResult(int Moved, IReadOnlyList<string> Carried);
