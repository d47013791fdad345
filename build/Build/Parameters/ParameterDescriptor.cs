using System.Globalization;
using Cake.Frosting;

namespace Build.Parameters;

/// <summary>What kind of value a build parameter takes, and so how <see cref="ArgumentReader"/> validates it.</summary>
public enum ParameterKind
{
    /// <summary>Given alone it means true (<c>--approve</c>); <c>--approve false</c> also reads.</summary>
    Switch,

    /// <summary>One of <see cref="ParameterDescriptor.Choices"/>, in any case.</summary>
    Choice,

    /// <summary>A whole number from <see cref="ParameterDescriptor.Minimum"/> to <see cref="ParameterDescriptor.Maximum"/>.</summary>
    Number,

    /// <summary>Free text its parser checks (a path, a URL, an image reference).</summary>
    Text,
}

/// <summary>
/// One build parameter: its name, what values it takes, its default and one line of meaning. <see cref="ParameterTable"/>
/// holds one per name of <see cref="ArgumentNames"/>; <see cref="ArgumentReader"/> validates values with it, <c>--help</c>
/// lists it (through <see cref="ToHost"/>) and a test keeps the README's Parameters table equal to it
/// (<see cref="ReadmeRow"/>). Texts may mark code with backticks: the README shows them, <c>--help</c> drops them.
/// </summary>
public sealed record ParameterDescriptor
{
    private ParameterDescriptor(string name, ParameterKind kind, string defaultText, string meaning)
    {
        Name = name;
        Kind = kind;
        Default = defaultText;
        Meaning = meaning;
    }

    public string Name { get; }

    public ParameterKind Kind { get; }

    /// <summary>Gets other names of the same parameter (<c>--build-version</c> for <c>--version</c>).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Gets what a <see cref="ParameterKind.Choice"/> accepts, in its canonical spelling.</summary>
    public IReadOnlyList<string> Choices { get; private init; } = [];

    /// <summary>Gets the choice that applies when the parameter is not given; null when the default depends on the run.</summary>
    public string? DefaultChoice { get; private init; }

    public int Minimum { get; private init; }

    public int Maximum { get; private init; }

    /// <summary>Gets the number that applies when a <see cref="ParameterKind.Number"/> is not given.</summary>
    public int DefaultNumber { get; private init; }

    /// <summary>Gets the unit of a number ("seconds"), or null.</summary>
    public string? Unit { get; private init; }

    /// <summary>Gets what a <see cref="ParameterKind.Text"/> value looks like.</summary>
    public string? ValueHint { get; private init; }

    /// <summary>Gets what applies when the parameter is not given.</summary>
    public string Default { get; }

    /// <summary>Gets the one line that says what the parameter does.</summary>
    public string Meaning { get; }

    /// <summary>Gets Markdown the README adds after <see cref="Meaning"/> (details, links); <c>--help</c> leaves it out.</summary>
    public string? ReadmeNote { get; init; }

    /// <summary>Gets the values it takes: "`local`, `dev`, `staging` or `prod`", "0 to 86400 seconds", "switch".</summary>
    public string Values => Kind switch
    {
        ParameterKind.Switch => "switch",
        ParameterKind.Choice => Or(Choices.Select(choice => $"`{choice}`").ToList()),
        ParameterKind.Number => string.Create(CultureInfo.InvariantCulture, $"{Minimum} to {Maximum}{Unit switch { null => "", "%" => "%", _ => " " + Unit }}"),
        _ => ValueHint!,
    };

    /// <summary>Gets every name: <see cref="Name"/>, then the <see cref="Aliases"/>.</summary>
    public IEnumerable<string> Names => Aliases.Prepend(Name);

    /// <summary>Gets the one line that says the parameter was given without its value (as the host says it).</summary>
    public string MissingValue => ToHost().MissingValue;

    public static ParameterDescriptor Switch(string name, string meaning) => new(name, ParameterKind.Switch, "off", meaning);

    /// <param name="name">The name.</param>
    /// <param name="choices">What it accepts.</param>
    /// <param name="defaultChoice">What applies when not given; null when it depends on the run (then say so in <paramref name="defaultText"/>).</param>
    /// <param name="meaning">One line.</param>
    /// <param name="defaultText">The default in words, when it is not simply <paramref name="defaultChoice"/>.</param>
    public static ParameterDescriptor Choice(string name, IReadOnlyList<string> choices, string? defaultChoice, string meaning, string? defaultText = null)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (defaultChoice is not null && !choices.Contains(defaultChoice, StringComparer.Ordinal))
        {
            throw new ArgumentException($"--{name}: the default '{defaultChoice}' is not one of its choices.", nameof(defaultChoice));
        }

        var text = defaultText ?? (defaultChoice is null ? throw new ArgumentException($"--{name}: say what its default is.", nameof(defaultText)) : $"`{defaultChoice}`");
        return new(name, ParameterKind.Choice, text, meaning) { Choices = choices, DefaultChoice = defaultChoice };
    }

    public static ParameterDescriptor Number(string name, int minimum, int maximum, int defaultNumber, string? unit, string meaning)
    {
        if (defaultNumber < minimum || defaultNumber > maximum)
        {
            throw new ArgumentOutOfRangeException(nameof(defaultNumber), $"--{name}: the default {defaultNumber} is outside {minimum} to {maximum}.");
        }

        return new(name, ParameterKind.Number, string.Create(CultureInfo.InvariantCulture, $"`{defaultNumber}`"), meaning)
        {
            Minimum = minimum,
            Maximum = maximum,
            DefaultNumber = defaultNumber,
            Unit = unit,
        };
    }

    public static ParameterDescriptor Text(string name, string valueHint, string defaultText, string meaning) =>
        new(name, ParameterKind.Text, defaultText, meaning) { ValueHint = valueHint };

    /// <summary>What the host lists in <c>--help</c> and reads the command line with: the same texts without backticks.</summary>
    public ArgumentDescription ToHost() =>
        new(Name, Kind == ParameterKind.Switch ? null : Plain(Values), Plain(Default), Plain(Meaning)) { Aliases = Aliases };

    /// <summary>The README's Parameters table row of this parameter: names, default, values, meaning (and the note).</summary>
    public string ReadmeRow()
    {
        var names = $"`--{Name}`" + string.Concat(Aliases.Select(alias => $" (or `--{alias}`)"));
        return $"| {names} | {Default} | {Values} | {Meaning}{ReadmeNote} |";
    }

    /// <summary>"a", "a or b", "a, b or c".</summary>
    public static string Or(IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Count <= 1 ? string.Concat(items) : $"{string.Join(", ", items.Take(items.Count - 1))} or {items[^1]}";
    }

    private static string Plain(string text) => text.Replace("`", "", StringComparison.Ordinal);
}
