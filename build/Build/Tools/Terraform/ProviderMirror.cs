namespace Build.Tools.Terraform;

/// <summary>
/// Where terraform finds providers when no registry is reachable: a filesystem mirror (the folder that holds
/// registry.terraform.io/). <c>TF_PROVIDER_MIRROR</c> names it; set but empty means none. Unset, the usual places are
/// searched (one level below /opt, the plugin folders terraform itself knows), as a new machine has it.
/// </summary>
public static class ProviderMirror
{
    public const string Variable = "TF_PROVIDER_MIRROR";

    private const string Marker = "registry.terraform.io/hashicorp/aws";

    /// <summary>The folders searched when the variable is unset, each itself and one level below it.</summary>
    public static IReadOnlyList<string> UsualPlaces { get; } =
    [
        "/opt",
        "/usr/local/share/terraform/plugins",
        "/usr/share/terraform/plugins",
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".terraform.d", "plugins"),
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "terraform", "plugins"),
    ];

    /// <summary>The mirror to use, or null: the variable when set (empty: none), else the first usual place holding the AWS provider.</summary>
    public static string? Locate(Func<string, string?> variables, IEnumerable<string>? places = null)
    {
        ArgumentNullException.ThrowIfNull(variables);
        if (variables(Variable) is { } named)
        {
            return string.IsNullOrWhiteSpace(named) ? null : named;
        }

        foreach (var place in places ?? UsualPlaces)
        {
            if (!Directory.Exists(place))
            {
                continue;
            }

            foreach (var candidate in new[] { place }.Concat(SafeSubdirectories(place)))
            {
                if (Directory.Exists(Path.Combine(candidate, Marker)))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static IEnumerable<string> SafeSubdirectories(string place)
    {
        try
        {
            return Directory.GetDirectories(place).Order(StringComparer.Ordinal);
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }
}
