using Cake.Core;

namespace Build.Parameters;

/// <summary>Reads typed values from Cake's arguments; a bad value throws a usage error naming the parameter.</summary>
public sealed class ArgumentReader(ICakeArguments arguments)
{
    public string? Optional(string name)
    {
        if (!arguments.HasArgument(name))
        {
            return null;
        }

        var value = arguments.GetArguments(name).Last();
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
}
