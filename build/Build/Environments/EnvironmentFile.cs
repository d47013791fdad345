using System.Text.RegularExpressions;
using Cake.Core;
using Cake.Core.IO;

namespace Build.Environments;

/// <summary>
/// The one checked-in settings file of a cloud environment, terraform/environments/&lt;env&gt;.tfvars, read for the
/// facts the build needs before terraform runs: the service name (resources are named "&lt;service&gt;-&lt;env&gt;",
/// the ECR repository included) and the AWS region. Validated on load; every problem is one line naming the file.
/// </summary>
public sealed partial record EnvironmentFile(string Environment, string ServiceName, string Region, string Path)
{
    public const string ServiceNameVariable = "service_name";
    public const string RegionVariable = "aws_region";

    /// <summary>Gets the ECR repository terraform creates for this environment (local.name_prefix in terraform/locals.tf).</summary>
    public string RepositoryName => $"{ServiceName}-{Environment}";

    public static FilePath PathOf(DirectoryPath root, string environment)
    {
        ArgumentNullException.ThrowIfNull(root);
        return root.Combine("terraform").Combine("environments").CombineWithFilePath($"{environment}.tfvars");
    }

    public static EnvironmentFile Load(DirectoryPath root, string environment)
    {
        var path = PathOf(root, environment).FullPath;
        if (!File.Exists(path))
        {
            throw new CakeException($"The '{environment}' environment has no settings file: {path} is missing (each cloud environment is one checked-in terraform/environments/<env>.tfvars).");
        }

        return Parse(File.ReadAllText(path), environment, path);
    }

    public static EnvironmentFile Parse(string text, string environment, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = StringAssignments(text);
        var service = Required(values, ServiceNameVariable, path);
        if (!ServiceNamePattern().IsMatch(service))
        {
            throw new CakeException($"{path}: {ServiceNameVariable} '{service}' must be 2-24 lower-case letters, digits and single hyphens, starting with a letter.");
        }

        var region = Required(values, RegionVariable, path);
        if (!RegionPattern().IsMatch(region))
        {
            throw new CakeException($"{path}: {RegionVariable} '{region}' is not an AWS region name (e.g. eu-west-1).");
        }

        if (values.TryGetValue("environment", out var declared) && declared != environment)
        {
            throw new CakeException($"{path}: environment = \"{declared}\" but the file is the '{environment}' environment's; fix the file.");
        }

        return new EnvironmentFile(environment, service, region, path);
    }

    // Top-level `name = "value"` lines: all the build reads. Anything richer (lists, maps, heredocs) is terraform's;
    // lines inside a map or list are skipped by tracking the bracket depth outside strings and comments.
    private static Dictionary<string, string> StringAssignments(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var depth = 0;
        foreach (var line in text.Split('\n'))
        {
            if (depth == 0 && StringAssignment().Match(line) is { Success: true } match)
            {
                values[match.Groups["name"].Value] = match.Groups["value"].Value;
            }

            depth = Math.Max(0, depth + BracketBalance(line));
        }

        return values;
    }

    private static int BracketBalance(string line)
    {
        var balance = 0;
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                quoted = c != '"' || line[i - 1] == '\\';
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == '#' || (c == '/' && i + 1 < line.Length && line[i + 1] == '/'))
            {
                break;
            }
            else
            {
                balance += c is '{' or '[' ? 1 : c is '}' or ']' ? -1 : 0;
            }
        }

        return balance;
    }

    private static string Required(Dictionary<string, string> values, string name, string path) =>
        values.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new CakeException($"{path}: {name} is not set (a line like {name} = \"...\" is required).");

    [GeneratedRegex("""^[ \t]*(?<name>[A-Za-z_][A-Za-z0-9_]*)[ \t]*=[ \t]*"(?<value>[^"\\\r\n]*)"[ \t]*(?:(?:#|//).*)?\r?$""", RegexOptions.CultureInvariant)]
    private static partial Regex StringAssignment();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,22}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex ServiceNamePattern();

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();
}
