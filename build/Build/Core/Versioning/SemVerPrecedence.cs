using System.Globalization;

namespace Build.Core.Versioning;

/// <summary>SemVer 2.0 precedence (section 11): numbers first, then pre-release identifiers; metadata ignored.</summary>
public static class SemVerPrecedence
{
    public static int Compare(SemanticVersion left, SemanticVersion right)
    {
        var core = (left.Major, left.Minor, left.Patch).CompareTo((right.Major, right.Minor, right.Patch));
        if (core != 0)
        {
            return core;
        }

        if (!left.IsPreRelease || !right.IsPreRelease)
        {
            // A release outranks any pre-release of the same core version.
            return right.IsPreRelease.CompareTo(left.IsPreRelease);
        }

        var leftParts = left.PreRelease.Split('.');
        var rightParts = right.PreRelease.Split('.');
        for (var i = 0; i < Math.Min(leftParts.Length, rightParts.Length); i++)
        {
            var result = CompareIdentifier(leftParts[i], rightParts[i]);
            if (result != 0)
            {
                return result;
            }
        }

        return leftParts.Length.CompareTo(rightParts.Length);
    }

    private static int CompareIdentifier(string left, string right)
    {
        var leftIsNumber = long.TryParse(left, NumberStyles.None, CultureInfo.InvariantCulture, out var leftNumber);
        var rightIsNumber = long.TryParse(right, NumberStyles.None, CultureInfo.InvariantCulture, out var rightNumber);
        return (leftIsNumber, rightIsNumber) switch
        {
            (true, true) => leftNumber.CompareTo(rightNumber),
            (true, false) => -1,
            (false, true) => 1,
            _ => string.CompareOrdinal(left, right),
        };
    }
}
