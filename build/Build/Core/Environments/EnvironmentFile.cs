using System.Text;
using System.Text.RegularExpressions;
using Build.Tools.Aws;
using Cake.Core;
using Cake.Core.IO;

namespace Build.Core.Environments;

/// <summary>
/// The one checked-in settings file of a cloud environment, terraform/environments/&lt;env&gt;.tfvars, read for the
/// facts the build needs before terraform runs: the service name (resources are named "&lt;service&gt;-&lt;env&gt;",
/// the ECR repository included) and the AWS region. Validated on load; every problem is one line naming the file.
/// </summary>
public sealed partial record EnvironmentFile(string Environment, string ServiceName, string Region, string Path)
{
    public const string ServiceNameVariable = "service_name";
    public const string RegionVariable = "aws_region";
    private const string EnvironmentVariable = "environment";

    /// <summary>Gets the ECR repository terraform creates for this environment (local.name_prefix in terraform/locals.tf).</summary>
    public string RepositoryName => $"{ServiceName}-{Environment}";

    /// <summary>Reads the settings file of <paramref name="environment"/> at <paramref name="file"/> (<see cref="BuildPaths.EnvironmentSettingsFile"/>).</summary>
    public static EnvironmentFile Load(FilePath file, string environment)
    {
        ArgumentNullException.ThrowIfNull(file);
        var path = file.FullPath;
        if (!File.Exists(path))
        {
            throw new CakeException($"The '{environment}' environment has no settings file: {path} is missing (each cloud environment is one checked-in terraform/environments/<env>.tfvars).");
        }

        return Parse(File.ReadAllText(path), environment, path);
    }

    public static EnvironmentFile Parse(string text, string environment, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = StringAssignments(text, path);
        var service = Required(values, ServiceNameVariable, path);
        if (!ServiceNamePattern().IsMatch(service))
        {
            throw new CakeException($"{path}: {ServiceNameVariable} '{service}' must be 2-24 lower-case letters, digits and single hyphens, starting with a letter.");
        }

        var region = Required(values, RegionVariable, path);
        if (!AwsRegions.IsName(region))
        {
            throw new CakeException($"{path}: {RegionVariable} '{region}' is not an AWS region name (e.g. eu-west-1).");
        }

        if (values.TryGetValue(EnvironmentVariable, out var declared) && declared != environment)
        {
            throw new CakeException($"{path}: environment = \"{declared}\" but the file is the '{environment}' environment's; fix the file.");
        }

        return new EnvironmentFile(environment, service, region, path);
    }

    // Top-level `name = "value"` lines: all the build reads. Anything richer (lists, maps, heredocs) is terraform's.
    // A second top-level assignment of a name the build reads is refused, as terraform refuses it.
    private static Dictionary<string, string> StringAssignments(string text, string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (number, code) in TopLevelCode(text))
        {
            var match = Assignment().Match(code);
            var name = match.Groups["name"].Value;
            if (name is not (ServiceNameVariable or RegionVariable or EnvironmentVariable))
            {
                continue;
            }

            if (!lines.TryAdd(name, number))
            {
                throw new CakeException($"{path}: {name} is set twice (lines {lines[name]} and {number}); terraform refuses that too.");
            }

            if (match.Groups["value"] is { Success: true } value)
            {
                values[name] = value.Value;
            }
        }

        return values;
    }

    // A tiny line scanner: yields each line (1-based number) that starts outside any map or list, with its `#`, `//`
    // and `/* ... */` comments (which may span lines) removed. Brackets count outside strings and comments; heredoc
    // bodies (`<<EOT` or `<<-EOT` up to the line holding just EOT, indented or not) are skipped whole.
    private static IEnumerable<(int Number, string Code)> TopLevelCode(string text)
    {
        var depth = 0;
        var inComment = false;
        string? heredoc = null;
        var lines = text.Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].TrimEnd('\r');
            if (heredoc is not null)
            {
                heredoc = line.Trim() == heredoc ? null : heredoc;
                continue;
            }

            var topLevel = depth == 0;
            var code = new StringBuilder(line.Length);
            var quoted = false;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                var next = i + 1 < line.Length ? line[i + 1] : '\0';
                if (inComment)
                {
                    if (c == '*' && next == '/')
                    {
                        inComment = false;
                        i++;
                    }

                    continue;
                }

                if (quoted)
                {
                    code.Append(c);
                    if (c == '\\' && next != '\0')
                    {
                        code.Append(next);
                        i++;
                    }
                    else
                    {
                        quoted = c != '"';
                    }

                    continue;
                }

                if (c == '#' || (c == '/' && next == '/'))
                {
                    break;
                }

                if (c == '/' && next == '*')
                {
                    inComment = true;
                    code.Append(' ');
                    i++;
                    continue;
                }

                if (c == '<' && HeredocStart().Match(line, i) is { Success: true } start)
                {
                    heredoc = start.Groups["tag"].Value;
                    code.Append(line, i, line.Length - i);
                    break;
                }

                quoted = c == '"';
                depth = Math.Max(0, depth + (c is '{' or '[' ? 1 : c is '}' or ']' ? -1 : 0));
                code.Append(c);
            }

            if (topLevel)
            {
                yield return (n + 1, code.ToString());
            }
        }
    }

    private static string Required(Dictionary<string, string> values, string name, string path) =>
        values.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new CakeException($"{path}: {name} is not set (a line like {name} = \"...\" is required).");

    // `name =`, with the value captured only when it is a plain "string" and nothing else follows.
    [GeneratedRegex("""^[ \t]*(?<name>[A-Za-z_][A-Za-z0-9_]*)[ \t]*=(?:[ \t]*"(?<value>[^"\\]*)"[ \t]*$)?""", RegexOptions.CultureInvariant)]
    private static partial Regex Assignment();

    [GeneratedRegex("""\G<<-?(?<tag>[A-Za-z_][A-Za-z0-9_-]*)[ \t]*$""", RegexOptions.CultureInvariant)]
    private static partial Regex HeredocStart();

    [GeneratedRegex("^(?!.*--)[a-z][a-z0-9-]{0,22}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex ServiceNamePattern();
}
