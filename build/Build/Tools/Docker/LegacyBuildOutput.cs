using System.Diagnostics;
using System.Text.RegularExpressions;
using Build.Core.Text;

namespace Build.Tools.Docker;

/// <summary>
/// Condenses what the legacy builder (<c>DOCKER_BUILDKIT=0 docker build</c>) prints to one line per Dockerfile step,
/// shown when the step ends with its time: <c>Step 3/12 : RUN apt-get update (12.3s)</c>. Dropped: Docker's
/// "DEPRECATED: The legacy builder is deprecated..." banner, "Sending build context", the " ---&gt; " lines, a step's
/// own output and "Successfully built/tagged". Lines before the first step (warnings) are shown as they come.
/// When the build fails, <see cref="Finish"/> shows the failing step whole: its line and everything it printed.
/// </summary>
/// <remarks>Lines arrive from two reader threads (standard output and error), hence the lock.</remarks>
public sealed partial class LegacyBuildOutput(Action<string> show)
{
    private readonly Lock _gate = new();
    private readonly List<string> _step = [];
    private long _stepStarted;
    private bool _inBanner;

    /// <summary>Reads one line of docker build's output (either stream).</summary>
    public void Receive(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (_gate)
        {
            if (IsBanner(line))
            {
                return;
            }

            if (Step().IsMatch(line))
            {
                EndStep();
                _step.Add(line);
                _stepStarted = Stopwatch.GetTimestamp();
                return;
            }

            if (_step.Count > 0)
            {
                _step.Add(line);
            }
            else if (line.Trim().Length > 0 && !line.StartsWith("Sending build context to Docker daemon", StringComparison.Ordinal))
            {
                show(line);
            }
        }
    }

    /// <summary>After docker exits: the last step's line, or, when the build failed, that step whole.</summary>
    public void Finish(bool succeeded)
    {
        lock (_gate)
        {
            if (succeeded)
            {
                EndStep();
                return;
            }

            foreach (var line in _step.Where(line => !Successfully().IsMatch(line)))
            {
                show(line);
            }

            _step.Clear();
        }
    }

    private void EndStep()
    {
        if (_step.Count == 0)
        {
            return;
        }

        // A step continued over several Dockerfile lines comes as one line with the indentation kept: shown with single spaces.
        show($"{Spaces().Replace(_step[0], " ")} ({DurationText.Format(Stopwatch.GetElapsedTime(_stepStarted))})");
        _step.Clear();
    }

    // "DEPRECATED: The legacy builder is deprecated..." and its indented lines, up to the blank line that ends it.
    private bool IsBanner(string line)
    {
        if (line.StartsWith("DEPRECATED: The legacy builder is deprecated", StringComparison.Ordinal))
        {
            _inBanner = true;
            return true;
        }

        if (_inBanner && (line.Length == 0 || line.StartsWith(' ')))
        {
            _inBanner = line.Length > 0;
            return true;
        }

        _inBanner = false;
        return false;
    }

    [GeneratedRegex(@"^Step \d+/\d+ : ", RegexOptions.CultureInvariant)]
    private static partial Regex Step();

    [GeneratedRegex(@"\s{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^Successfully (built|tagged) ", RegexOptions.CultureInvariant)]
    private static partial Regex Successfully();
}
