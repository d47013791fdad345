namespace Build.Tools.Machine;

/// <summary>Whether missing prerequisites are installed and started here (through sudo or not), or only reported, and why.</summary>
public sealed record InstallDecision(bool Installs, bool UsesSudo, string Reason)
{
    public static InstallDecision CheckOnly(string reason) => new(false, false, reason);

    /// <summary>
    /// Installs on Debian or Ubuntu as root or with passwordless sudo, unless <paramref name="noInstall"/>; anything
    /// else only checks. <paramref name="passwordlessSudo"/> is asked last, only when it decides.
    /// </summary>
    public static InstallDecision Decide(MachineFacts machine, bool noInstall, Func<bool> passwordlessSudo)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(passwordlessSudo);
        return noInstall ? CheckOnly("--no-install")
            : machine.Platform == MachinePlatform.MacOs ? CheckOnly("nothing is installed on macOS")
            : machine.Platform == MachinePlatform.Windows ? CheckOnly("nothing is installed on Windows")
            : !machine.HasApt ? CheckOnly("not a Debian or Ubuntu machine")
            : machine.IsRoot ? new InstallDecision(true, false, "root")
            : passwordlessSudo() ? new InstallDecision(true, true, "passwordless sudo")
            : CheckOnly("not root, and sudo asks for a password");
    }
}
