namespace Build.Tools.Machine;

/// <summary>Whether this process may install packages and start services: root, or sudo that needs no password.</summary>
public static class Privileges
{
    public static readonly TimeSpan SudoTimeout = TimeSpan.FromSeconds(10);

    /// <summary><c>sudo -n true</c> succeeds: sudo is installed and this user may use it without a password.</summary>
    public static bool PasswordlessSudo(string? pathVariable) =>
        ExecutableSearch.Find("sudo", pathVariable) is { } sudo && MachineCommand.Run(sudo, ["-n", "true"], SudoTimeout).Succeeded;
}
