namespace Build.Tools.Machine;

/// <summary>Quotes a word for a command line a person pastes into a POSIX shell.</summary>
public static class ShellText
{
    public static string Quote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return word.Length > 0 && word.All(character => char.IsAsciiLetterOrDigit(character) || "_-./:@%+=,".Contains(character, StringComparison.Ordinal))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
