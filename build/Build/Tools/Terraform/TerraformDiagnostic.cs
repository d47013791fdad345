namespace Build.Tools.Terraform;

/// <summary>
/// One error terraform reported: its summary, the file and line it points at (as the user knows the file, see
/// <see cref="TerraformSettings.SourcePath"/>) and the first paragraph of its detail.
/// </summary>
public sealed record TerraformDiagnostic(string Summary, string? File = null, int? Line = null, string? Detail = null)
{
    /// <summary>"terraform/environments/dev.tfvars:14: Invalid value for variable: cpu must be one of ...".</summary>
    public override string ToString()
    {
        var place = File is null ? "" : Line is null ? $"{File}: " : $"{File}:{Line}: ";
        return Detail is null ? place + Summary : $"{place}{Summary}: {Detail}";
    }
}
