using Build.Stages.Image;
using Build.Tools.Docker;
namespace Build.Tests.Stages.Image;

/// <summary>Image details for the policy tests: a compliant image, and one change at a time away from it.</summary>
public static class Images
{
    public static readonly ImageSize SmallSize = new(125_000_000, 56_000_000);

    public static DockerImageDetails Compliant(
        string? user = "1654:1654",
        IReadOnlyList<string>? env = null,
        IReadOnlyDictionary<string, string>? labels = null,
        IReadOnlyList<string>? tags = null,
        DockerHealthcheck? healthcheck = null,
        bool noHealthcheck = false) =>
        new(
            "sha256:ed3d9981240c255756449ce5d27466eb73e05e7997789928ed722dc1a4e2c3ac",
            tags ?? ["app:1.2.3", "app:0123456789ab"],
            [],
            125_000_000,
            null,
            "amd64",
            "linux",
            new DockerImageConfig(
                user,
                env ?? ["PATH=/usr/bin:/bin", "APP_UID=1654", "ASPNETCORE_HTTP_PORTS=8080"],
                labels ?? Labels(),
                null,
                noHealthcheck ? null : healthcheck ?? new DockerHealthcheck(["CMD", "/app/App", "healthcheck"], 30_000_000_000, 5_000_000_000, 15_000_000_000, 3),
                ["/app/App"],
                null,
                "/app"),
            new DockerRootFs("layers", ["sha256:a", "sha256:b"]));

    public static Dictionary<string, string> Labels(params (string Name, string? Value)[] changes)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [OciLabels.Version] = "1.2.3",
            [OciLabels.Revision] = "0123456789abcdef0123456789abcdef01234567",
            [OciLabels.Source] = "https://github.com/example/app",
            [OciLabels.Created] = "2026-11-21T23:23:05Z",
        };
        foreach (var (name, value) in changes)
        {
            if (value is null)
            {
                labels.Remove(name);
            }
            else
            {
                labels[name] = value;
            }
        }

        return labels;
    }

    /// <summary>History as the legacy builder records the image's own Dockerfile.</summary>
    public static readonly IReadOnlyList<string> CleanHistory =
    [
        "/bin/sh -c #(nop)  LABEL org.opencontainers.image.title=App org.opencontainers.image.version=1.2.3 org.opencontainers.image.revision=0123456789abcdef0123456789abcdef01234567",
        "/bin/sh -c #(nop)  ARG CREATED=1970-01-01T00:00:00Z",
        "/bin/sh -c #(nop) COPY dir:4c5b0f in /app/",
        "/bin/sh -c #(nop)  HEALTHCHECK &{[\"CMD\" \"/app/App\" \"healthcheck\"] \"30s\" \"5s\" \"15s\" '\\x03'}",
        "/bin/sh -c #(nop)  ENV ASPNETCORE_HTTP_PORTS=8080 DOTNET_RUNNING_IN_CONTAINER=true",
        "app base: libc6 libssl3",
    ];
}
