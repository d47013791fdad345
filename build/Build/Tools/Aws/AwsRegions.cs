using System.Text.RegularExpressions;

namespace Build.Tools.Aws;

/// <summary>The shape of an AWS region name, checked wherever a region is read (a variable, an environment's settings).</summary>
public static partial class AwsRegions
{
    /// <summary>Whether <paramref name="name"/> is shaped like a region name: eu-west-1, us-gov-west-1, ap-southeast-2.</summary>
    public static bool IsName(string name) => Pattern().IsMatch(name);

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
