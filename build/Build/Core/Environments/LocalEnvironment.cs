using Build.Parameters;

namespace Build.Core.Environments;

/// <summary>The default environment: the image goes to a registry on 127.0.0.1 and runs as a container on this machine.</summary>
public sealed class LocalEnvironment() : BuildEnvironment(EnvironmentNames.Local);
