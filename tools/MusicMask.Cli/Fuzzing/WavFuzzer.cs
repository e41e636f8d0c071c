using System.Diagnostics;
using MusicMask.Audio;

namespace MusicMask.Cli.Fuzzing;

/// <summary>What a fuzz run found.</summary>
internal sealed record FuzzReport(
    int Cases,
    int Decoded,
    int Refused,
    int Truncated,
    IReadOnlyDictionary<string, int> Unhandled,
    IReadOnlyList<string> UnhandledExamples,
    int Hangs,
    TimeSpan Elapsed,
    TimeSpan SlowestCase,
    long PeakWorkingSetBytes,
    long MaxSamplesOfOneCase);

/// <summary>
/// Decodes mutated WAV/RF64 files as the decoder meets them, from seekable and non-seekable streams, and counts
/// what happens: decoded, refused with an <see cref="AudioFormatException"/>, or anything else (a bug). Each case
/// runs under a time limit, so a hang is counted and reported instead of stopping the run.
/// </summary>
internal static class WavFuzzer
{
    public static FuzzReport Run(int cases, int seed, TimeSpan caseLimit, Action<int>? progress = null)
    {
        var mutator = new WavMutator(seed);
        var unhandled = new Dictionary<string, int>();
        var examples = new List<string>();
        int decoded = 0, refused = 0, truncated = 0, hangs = 0;
        long maxSamples = 0;
        var slowest = TimeSpan.Zero;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < cases; i++)
        {
            var file = mutator.Next();
            var seekable = (i & 1) == 0;
            var started = Stopwatch.GetTimestamp();
            var run = Task.Run(() => Decode(file, seekable, new float[4096]));
            if (!run.Wait(caseLimit))
            {
                hangs++;
                examples.Add($"case {i}: no answer within {caseLimit.TotalSeconds} s; header {Convert.ToHexString(file.AsSpan(0, Math.Min(64, file.Length)))}");
                continue;
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            slowest = elapsed > slowest ? elapsed : slowest;
            var (outcome, samples, error) = run.Result;
            maxSamples = Math.Max(maxSamples, samples);
            switch (outcome)
            {
                case Outcome.Decoded:
                    decoded++;
                    break;
                case Outcome.Truncated:
                    decoded++;
                    truncated++;
                    break;
                case Outcome.Refused:
                    refused++;
                    break;
                default:
                    var key = error!.GetType().Name;
                    unhandled[key] = unhandled.GetValueOrDefault(key) + 1;
                    if (examples.Count < 10)
                    {
                        examples.Add($"case {i}: {key}: {error.Message}; header {Convert.ToHexString(file.AsSpan(0, Math.Min(64, file.Length)))}");
                    }

                    break;
            }

            if ((i + 1) % 10_000 == 0)
            {
                progress?.Invoke(i + 1);
            }
        }

        using var process = Process.GetCurrentProcess();
        return new FuzzReport(cases, decoded, refused, truncated, unhandled, examples, hangs, watch.Elapsed, slowest, process.PeakWorkingSet64, maxSamples);
    }

    private enum Outcome
    {
        Decoded,
        Truncated,
        Refused,
        Unhandled,
    }

    private static (Outcome Outcome, long Samples, Exception? Error) Decode(byte[] file, bool seekable, float[] buffer)
    {
        long samples = 0;
        try
        {
            using var source = new WavAudioSource(seekable ? new MemoryStream(file, writable: false) : new ForwardOnlyStream(file));
            int read;
            while ((read = source.Read(buffer)) > 0)
            {
                samples += read;
            }

            return (source.Truncation is null ? Outcome.Decoded : Outcome.Truncated, samples, null);
        }
        catch (AudioFormatException)
        {
            return (Outcome.Refused, samples, null);
        }
        catch (Exception error)
        {
            return (Outcome.Unhandled, samples, error);
        }
    }

    /// <summary>A stream as a pipe or a network download presents it: no seeking, no length.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
