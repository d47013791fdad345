namespace Cake.Frosting;

/// <summary>
/// "Did you mean": the known name closest to a mistyped one (case-insensitive edit distance), or none when nothing is
/// close. The host suggests targets with it and the build its parameters, so both guess alike. Cake.Frosting has no
/// such helper.
/// </summary>
public static class NameSuggestion
{
    /// <summary>The candidate closest to <paramref name="given"/> when at most two edits (or a quarter of its length) away; else null.</summary>
    public static string? Closest(string given, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(candidates);
        var closest = candidates
            .Select(candidate => (Name: candidate, Distance: EditDistance(given, candidate)))
            .OrderBy(match => match.Distance)
            .ThenBy(match => match.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return closest.Name is not null && closest.Distance <= Math.Max(2, given.Length / 4) ? closest.Name : null;
    }

    /// <summary>Levenshtein distance, ignoring case.</summary>
    public static int EditDistance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
