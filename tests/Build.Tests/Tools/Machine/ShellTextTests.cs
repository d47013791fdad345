using Build.Tools.Machine;

namespace Build.Tests.Tools.Machine;

public sealed class ShellTextTests
{
    [Theory]
    [InlineData("/root/.local/share/app-build/config.yml", "/root/.local/share/app-build/config.yml")]
    [InlineData("/home/a dev/x", "'/home/a dev/x'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("$HOME", "'$HOME'")]
    [InlineData("", "''")]
    public void Words_a_shell_would_split_or_expand_are_single_quoted(string word, string quoted)
    {
        Assert.Equal(quoted, ShellText.Quote(word));
    }
}
