namespace Cake.Frosting;

/// <summary>
/// One of the build's own arguments as the host knows it (see <see cref="CakeHost.DescribeArguments"/>): <c>--help</c>
/// lists it, and the command line is read with it, so a switch never swallows the word after it and an argument that
/// needs a value says which when it has none. Cake.Frosting has no such type: there the build documents its arguments.
/// </summary>
/// <param name="Name">The name, without dashes.</param>
/// <param name="Value">What a value looks like (e.g. "local, dev, staging or prod"); null for a switch (given alone, meaning true).</param>
/// <param name="Default">What applies when the argument is not given.</param>
/// <param name="Meaning">One line saying what it does.</param>
public sealed record ArgumentDescription(string Name, string? Value, string Default, string Meaning)
{
    /// <summary>Gets other names of the same argument.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Gets a value indicating whether the argument is a switch: given alone it means true.</summary>
    public bool IsSwitch => Value is null;

    /// <summary>Gets the one line that says the argument was given without its value.</summary>
    public string MissingValue => $"--{Name} needs a value: {Value}";
}
