namespace Build.Tools.Aws.Ssm;

/// <summary>The SSM Parameter Store operations the build uses (<see cref="SsmClient"/> speaks JSON 1.1 on AWSSDK.Core).</summary>
public interface ISsmClient
{
    /// <summary>Writes the String parameter <paramref name="name"/> (overwriting an older value); returns its new version.</summary>
    Task<long> PutParameterAsync(string name, string value, string description, CancellationToken cancellationToken = default);
}
