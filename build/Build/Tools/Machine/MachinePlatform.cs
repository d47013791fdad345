namespace Build.Tools.Machine;

/// <summary>The kinds of machine whose install commands differ.</summary>
public enum MachinePlatform
{
    /// <summary>Debian or a derivative that is not Ubuntu-based: apt-get, Debian's package names.</summary>
    Debian,

    /// <summary>Ubuntu or a derivative: apt-get; Chromium is chromium-browser.</summary>
    Ubuntu,

    /// <summary>Linux without apt (Fedora, Alpine, Arch...): its own package manager.</summary>
    OtherLinux,

    MacOs,

    Windows,
}
