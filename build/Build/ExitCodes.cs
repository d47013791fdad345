namespace Build;

/// <summary>Process exit codes of the build (the same as Cake's host uses).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;
}
