using System.Collections.Concurrent;
using System.Diagnostics;

namespace MusicMask.Embedded;

/// <summary>Accumulates seconds per named stage; safe to use from several threads.</summary>
public sealed class StageClock
{
    private readonly ConcurrentDictionary<string, long> _ticks = new();

    public void Add(string stage, long stopwatchTicks) => _ticks.AddOrUpdate(stage, stopwatchTicks, (_, t) => t + stopwatchTicks);

    public void AddSeconds(string stage, double seconds) => Add(stage, (long)(seconds * Stopwatch.Frequency));

    public T Time<T>(string stage, Func<T> work)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            Add(stage, Stopwatch.GetTimestamp() - start);
        }
    }

    public void Time(string stage, Action work) => Time(stage, () =>
    {
        work();
        return 0;
    });

    public IReadOnlyDictionary<string, double> Seconds() =>
        _ticks.OrderBy(p => p.Key).ToDictionary(p => p.Key, p => Math.Round((double)p.Value / Stopwatch.Frequency, 4));
}
