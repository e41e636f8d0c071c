using System.Diagnostics;
using MusicMask.Embedded;
using MusicMask.Outputs;
using MusicMask.Scoring;

namespace MusicMask.Cli.Benchmarks;

/// <summary>
/// What `segment --audio` costs: the same input segmented end to end (decode to published result folder) without
/// and with the audio outputs, alternating so both see the same machine load, each run into a fresh folder.
/// </summary>
internal static class AudioBench
{
    public static void Run(StripScorer scorer, double minutes, int threads, int runs, Action<string, int, int> writeInput)
    {
        const int inputRate = 48_000;
        var root = Path.Combine(Path.GetTempPath(), $"musicmask-audio-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        try
        {
            var input = Path.Combine(root, "input.wav");
            writeInput(input, (int)(minutes * 60 * inputRate), inputRate);
            Console.WriteLine($"input: {minutes * 60:F0} s, 48 kHz stereo 16-bit WAV; threads: {threads}; {runs} runs each, alternating");
            Segment(scorer, threads, input, Path.Combine(root, "warm-up"), audio: true);
            var (plain, withAudio) = (new List<double>(), new List<double>());
            var separate = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                plain.Add(Segment(scorer, threads, input, Path.Combine(root, $"plain-{run}"), audio: false).Seconds);
                var (seconds, stages) = Segment(scorer, threads, input, Path.Combine(root, $"audio-{run}"), audio: true);
                withAudio.Add(seconds);
                separate.Add(stages.GetValueOrDefault(Stages.Separate));
            }

            var (a, b) = (Median(plain), Median(withAudio));
            Console.WriteLine($"segment:         {string.Join(", ", plain.Select(s => $"{s:F2}"))} s; median {a:F2} s = {minutes * 60 / a:F0}x real time");
            Console.WriteLine($"segment --audio: {string.Join(", ", withAudio.Select(s => $"{s:F2}"))} s; median {b:F2} s = {minutes * 60 / b:F0}x real time");
            Console.WriteLine($"--audio costs {100 * (b / a - 1):+0.0;-0.0}% (median against median); its separate stage took {string.Join(", ", separate.Select(s => $"{s:F2}"))} s");
            SeparationAlone(minutes, threads);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The resynthesis alone on a signal in memory, no file I/O: what one frame costs, on one thread and on all.</summary>
    private static void SeparationAlone(double minutes, int threads)
    {
        var length = (int)(minutes * 60 * Transforms.SpectrogramParameters.SampleRate);
        var signal = Signals.SignalGenerator.WhiteNoise(length, seed: 3);
        var columns = (int)((Transforms.SpectrogramParameters.FramesFor(length) + 15) / 16);
        var map = new Segmentation.ProbabilityMap(columns, Enumerable.Range(0, 16 * columns).Select(i => (float)(i % 7) / 6).ToArray());
        var frames = Transforms.SpectrogramParameters.FramesFor(length) + Transforms.MaskedStft.LeadFrames;
        var preview = new Outputs.SpectrogramPreview();
        var level = Enumerable.Repeat(-30f, Transforms.RealFft512.SpectrumBins).ToArray();
        for (var frame = 0L; frame < frames; frame++)
        {
            preview.AddFrame(level);
        }

        preview.Complete();
        var medians = Separation.BandMedians.Of(preview);
        var masks = new (string Name, Func<Transforms.ISpectralMask> Create)[]
        {
            ("cell mask", () => new Separation.SmoothCellMask(map)),
            ("pixel-gated mask (--audio)", () => new Separation.PixelGatedMask(map, medians)),
        };
        foreach (var (name, create) in masks)
        {
            foreach (var count in new[] { 1, threads }.Distinct())
            {
                var watch = Stopwatch.StartNew();
                Separation.MusicSeparator.Separate(
                    length,
                    (start, destination) =>
                    {
                        var n = (int)Math.Min(destination.Length, length - start);
                        signal.AsSpan((int)start, n).CopyTo(destination);
                        return n;
                    },
                    create,
                    count,
                    (_, _) => { });
                watch.Stop();
                Console.WriteLine($"separation alone, {name}, {count} thread(s): {watch.Elapsed.TotalSeconds:F2} s = {watch.Elapsed.TotalMilliseconds * 1000 / frames:F2} us per frame");
            }
        }
    }

    private static (double Seconds, IReadOnlyDictionary<string, double> Stages) Segment(StripScorer scorer, int threads, string input, string output, bool audio)
    {
        var batch = new BatchSegmenter(new Segmenter(scorer, new SegmenterOptions { Threads = threads, Audio = audio }), new ResultFolders(output));
        var watch = Stopwatch.StartNew();
        var outcome = batch.Process(new Audio.AudioInput(input, "input.wav"), "input.wav");
        watch.Stop();
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"the benchmark input failed: {outcome.Error?.Reason}");
        }

        return (watch.Elapsed.TotalSeconds, outcome.Result!.Clock.Seconds());
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
