using Build.Core;
using Build.Core.Secrets;
using Cake.Core;
using Cake.Frosting;

namespace Build.Parameters;

/// <summary>
/// Reads typed values from Cake's arguments; a bad value throws a usage error naming the parameter. Only the names
/// of <see cref="ArgumentNames"/> are read, and <see cref="RejectUnknown"/> refuses any other (a typo such as --enviroment).
/// </summary>
public sealed class ArgumentReader(ICakeArguments arguments)
{
    public string? Optional(string name)
    {
        if (!ArgumentNames.IsKnown(name))
        {
            throw new InvalidOperationException($"--{name} is read but is not in {nameof(ArgumentNames)}: add it there (and to the README's Parameters table).");
        }

        if (!arguments.HasArgument(name))
        {
            return null;
        }

        var given = arguments.GetArguments(name).Distinct(StringComparer.Ordinal).ToList();
        if (given.Count > 1)
        {
            // Last-one-wins would let a forgotten --environment prod at the end of a command decide where it goes.
            throw UsageError.Of($"--{name} is given {given.Count} times with different values ({string.Join(", ", given.Select(value => $"'{value}'"))}): give it once.");
        }

        var value = given[0];
        if (string.IsNullOrWhiteSpace(value))
        {
            throw UsageError.Of($"--{name} needs a value.");
        }

        return value;
    }

    public string OneOf(string name, IReadOnlyCollection<string> allowed, string fallback)
    {
        var value = Optional(name);
        if (value is null)
        {
            return fallback;
        }

        return allowed.FirstOrDefault(candidate => candidate.Equals(value, StringComparison.OrdinalIgnoreCase))
            ?? throw UsageError.Of($"Invalid --{name} '{value}': use one of {string.Join(", ", allowed)}.");
    }

    public int IntInRange(string name, int minimum, int maximum, int fallback)
    {
        var value = Optional(name);
        if (value is null)
        {
            return fallback;
        }

        return int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number)
               && number >= minimum && number <= maximum
            ? number
            : throw UsageError.Of($"Invalid --{name} '{value}': use a whole number from {minimum} to {maximum}.");
    }

    public bool Flag(string name)
    {
        var value = Optional(name);
        return value is null
            ? false
            : bool.TryParse(value, out var flag) ? flag : throw UsageError.Of($"Invalid --{name} '{value}': use true or false.");
    }

    /// <summary>Throws a usage error for the first argument no parser asked for, suggesting the closest known name.</summary>
    public void RejectUnknown()
    {
        var unknown = arguments.GetArguments().Keys.Where(name => !ArgumentNames.IsKnown(name)).Order(StringComparer.Ordinal).FirstOrDefault();
        if (unknown is null)
        {
            return;
        }

        if (SecretEnvironment.IsSecretArgument(unknown))
        {
            throw UsageError.Of($"Unknown parameter --{unknown}: secrets are never passed on the command line (every process can read it); the build reads them from the environment.");
        }

        var closest = NameSuggestion.Closest(unknown, ArgumentNames.All);
        var hint = closest is null ? "" : $"did you mean --{closest}? ";
        throw UsageError.Of($"Unknown parameter --{unknown}: {hint}./build.sh --help and the README list the parameters.");
    }
}
