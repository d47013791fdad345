using System.Security.Cryptography;
using System.Text;
using Build.Tools.Git;

namespace Build.Core.Incremental;

/// <summary>
/// What a task's result depends on, as named entries (a file's content hash, a parameter's value, a tool's version),
/// hashed together into one value. Files are those git tracks or would track under the given paths, so build outputs
/// and ignored files never count, and a new source file does.
/// </summary>
public sealed class TaskInputs
{
    private readonly SortedDictionary<string, string> _entries = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Entries => _entries;

    public TaskInputs Value(string name, string? value)
    {
        _entries[$"value:{name}"] = value ?? "(none)";
        return this;
    }

    /// <summary>Adds every source file at or below <paramref name="paths"/> (relative to <paramref name="root"/>); outside git, the task cannot be judged unchanged.</summary>
    public TaskInputs Files(string root, params string[] paths)
    {
        var files = new GitRepository(root).SourceFiles(paths);
        if (files is null)
        {
            _entries["files:unreadable"] = Guid.NewGuid().ToString("N");
            return this;
        }

        foreach (var file in files)
        {
            var full = Path.Combine(root, file);
            _entries[$"file:{file}"] = File.Exists(full) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(full))) : "(deleted)";
        }

        return this;
    }

    /// <summary>Gets the hash of every entry, names and values.</summary>
    public string Hash()
    {
        var text = new StringBuilder();
        foreach (var (name, value) in _entries)
        {
            text.Append(name).Append('\0').Append(value).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
