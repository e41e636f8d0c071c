using MusicMask.Embedded;

namespace MusicMask.Cli.Benchmarks;

/// <summary>
/// Seconds per stage summed over the files that succeeded, as their manifests record them (scoring sums its threads'
/// time), kept as totals so that the benchmark holds no file's results.
/// </summary>
internal sealed class StageTotals
{
    private readonly SortedDictionary<string, double> _seconds = new(StringComparer.Ordinal);

    public int Files { get; private set; }

    public void Add(FileOutcome outcome)
    {
        if (outcome is not { Succeeded: true, Result: { } result })
        {
            return;
        }

        Files++;
        foreach (var (stage, seconds) in result.Clock.Seconds())
        {
            _seconds[stage] = _seconds.GetValueOrDefault(stage) + seconds;
        }
    }

    public override string ToString() => Files == 0
        ? "no results"
        : string.Join(", ", _seconds.Select(p => $"{p.Key} {p.Value / Files * 1000:F1} ms"));
}
