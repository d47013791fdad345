using System.Globalization;
using Build.Core;
using Build.Core.Secrets;
using Cake.Core;
using Cake.Frosting;

namespace Build.Parameters;

/// <summary>
/// Reads typed values from Cake's arguments, validated by their <see cref="ParameterDescriptor"/> (choices, ranges); a
/// bad value throws a usage error naming the parameter. Only the parameters of <see cref="ParameterTable"/> are read,
/// and <see cref="RejectUnknown"/> refuses any other name (a typo such as --enviroment).
/// </summary>
public sealed class ArgumentReader(ICakeArguments arguments)
{
    /// <summary>The value of a <see cref="ParameterKind.Text"/> parameter, or null when it is not given.</summary>
    public string? Text(ParameterDescriptor parameter) => Raw(parameter, ParameterKind.Text);

    /// <summary>The choice given (in its canonical spelling), else the parameter's default choice.</summary>
    public string Choice(ParameterDescriptor parameter) =>
        ChoiceOrNull(parameter) ?? parameter.DefaultChoice
        ?? throw new InvalidOperationException($"--{parameter.Name}'s default depends on the run: read it with {nameof(ChoiceOrNull)}.");

    /// <summary>The choice given (in its canonical spelling), or null when the parameter is not given.</summary>
    public string? ChoiceOrNull(ParameterDescriptor parameter)
    {
        var value = Raw(parameter, ParameterKind.Choice);
        if (value is null)
        {
            return null;
        }

        return parameter.Choices.FirstOrDefault(candidate => candidate.Equals(value, StringComparison.OrdinalIgnoreCase))
            ?? throw UsageError.Of($"Invalid --{parameter.Name} '{value}': use one of {string.Join(", ", parameter.Choices)}.");
    }

    /// <summary>The whole number given, within the parameter's range, else its default.</summary>
    public int Number(ParameterDescriptor parameter)
    {
        var value = Raw(parameter, ParameterKind.Number);
        if (value is null)
        {
            return parameter.DefaultNumber;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
               && number >= parameter.Minimum && number <= parameter.Maximum
            ? number
            : throw UsageError.Of($"Invalid --{parameter.Name} '{value}': use a whole number from {parameter.Minimum} to {parameter.Maximum}.");
    }

    /// <summary>Whether the switch is on: given alone (the host reads it as true) or as true; off when not given or false.</summary>
    public bool Switch(ParameterDescriptor parameter)
    {
        var value = Raw(parameter, ParameterKind.Switch);
        return value is null
            ? false
            : bool.TryParse(value, out var on) ? on : throw UsageError.Of($"Invalid --{parameter.Name} '{value}': use true or false.");
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

    // The one value given under any of the parameter's names; given twice it must be the same value.
    private string? Raw(ParameterDescriptor parameter, ParameterKind kind)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (!ParameterTable.All.Any(known => ReferenceEquals(known, parameter)))
        {
            throw new InvalidOperationException($"--{parameter.Name} is read but is not in {nameof(ParameterTable)}: add it there, to {nameof(ArgumentNames)} (and to the README's Parameters table).");
        }

        if (parameter.Kind != kind)
        {
            throw new InvalidOperationException($"--{parameter.Name} is a {parameter.Kind}, read as a {kind}.");
        }

        var given = parameter.Names
            .Where(name => arguments.HasArgument(name))
            .SelectMany(name => arguments.GetArguments(name))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (given.Count == 0)
        {
            return null;
        }

        if (given.Count > 1)
        {
            // Last-one-wins would let a forgotten --environment prod at the end of a command decide where it goes.
            throw UsageError.Of($"--{parameter.Name} is given {given.Count} times with different values ({string.Join(", ", given.Select(value => $"'{value}'"))}): give it once.");
        }

        var value = given[0];
        return string.IsNullOrWhiteSpace(value) ? throw UsageError.Of(parameter.MissingValue) : value;
    }
}
