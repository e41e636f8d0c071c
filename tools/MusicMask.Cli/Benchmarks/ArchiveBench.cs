using System.Diagnostics;
using MusicMask.Audio;
using MusicMask.Embedded;
using MusicMask.Outputs;
using MusicMask.Signals;
using MusicMask.Transforms;

namespace MusicMask.Cli.Benchmarks;

/// <summary>
/// `musicmask bench --files N --seconds S`: N files of S seconds through segment's batch path, then one file
/// holding the same audio end to end through the same path, each phase with its own peak resident set.
/// </summary>
internal static class ArchiveBench
{
    private const int Rate = SpectrogramParameters.SampleRate;
    private const int LoopSeconds = 60;
    private const int WarmUpFiles = 250;

    public static void Run(BatchSegmenterFactory segmenters, int files, double seconds)
    {
        var root = Path.Combine(Path.GetTempPath(), $"musicmask-archive-bench-{Guid.NewGuid():N}");
        try
        {
            var audioSeconds = WriteInputs(root, files, (int)Math.Round(seconds * Rate));
            Console.WriteLine($"input: {files} files of {seconds} s and one file of {audioSeconds:F0} s holding the same audio, 44.1 kHz mono 16-bit WAV");
            WarmUp(segmenters(Path.Combine(root, "out-warm-up")), InputList(Path.Combine(root, "archive")));
            var archive = Phase("archive", segmenters, Path.Combine(root, "archive"), Path.Combine(root, "out-archive"), audioSeconds);
            var single = Phase("one long file", segmenters, Path.Combine(root, "long.wav"), Path.Combine(root, "out-long"), audioSeconds);
            Console.WriteLine($"archive rate / one-long-file rate: {archive.Wall / single.Wall:P0}; " +
                              $"in audio seconds per CPU second, which other processes' load changes less: {archive.Cpu / single.Cpu:P0}");
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    /// <summary>Segments <paramref name="input"/> as `segment` would; prints and returns audio seconds per second and per CPU second.</summary>
    private static (double Wall, double Cpu) Phase(string label, BatchSegmenterFactory segmenters, string input, string output, double audioSeconds)
    {
        var files = InputList(input);
        var batch = segmenters(output);
        GC.Collect();
        var peakIsOwn = PeakMemory.Reset();
        var load = LoadAverage();
        var stages = new StageTotals();
        var (collections, paused, cpu, kernel) = (GC.CollectionCount(2), GC.GetTotalPauseDuration(), Process.GetCurrentProcess().TotalProcessorTime, Process.GetCurrentProcess().PrivilegedProcessorTime);
        var watch = Stopwatch.StartNew();
        batch.ProcessAll(files, (_, outcome) => stages.Add(outcome));
        watch.Stop();
        var wall = watch.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var kernelSeconds = (Process.GetCurrentProcess().PrivilegedProcessorTime - kernel).TotalSeconds;
        var failed = files.Count - stages.Files;
        var peak = PeakMemory.Megabytes();
        Console.WriteLine($"{label}: {files.Count} files, {audioSeconds:F0} s of audio in {wall:F2} s = {audioSeconds / wall:F1}x real time, " +
                          $"{wall / files.Count * 1000:F1} ms per file; {failed} failed; peak working set {peak:F0} MB{(peakIsOwn ? "" : " (of the whole process)")}; " +
                          $"load average before {load}, after {LoadAverage()}");
        Console.WriteLine($"  CPU: {cpuSeconds:F1} s, {kernelSeconds:F1} s of it in the kernel ({cpuSeconds / wall:F2} cores busy on average), {cpuSeconds / files.Count * 1000:F1} ms per file");
        Console.WriteLine($"  per file, mean: {stages}");
        Console.WriteLine($"  GC: {GC.CollectionCount(2) - collections} full collections, {(GC.GetTotalPauseDuration() - paused).TotalSeconds:F2} s paused in all");
        return (audioSeconds / wall, audioSeconds / cpuSeconds);
    }

    /// <summary>
    /// Segments the first files untimed, so that neither phase pays for the JIT: code run once per file is recompiled
    /// twice on its way to full optimisation (after about 30 calls, then 30 more with profiling), which the archive
    /// would otherwise pay for alone (about 1 s of CPU: after 100 files of warm-up, 120 files of 5 s still took 58 ms
    /// of CPU each, and 47 ms when segmented again).
    /// </summary>
    private static void WarmUp(BatchSegmenter batch, IReadOnlyList<(AudioInput Input, string Name)> files)
    {
        var first = files.Take(WarmUpFiles).ToArray();
        var watch = Stopwatch.StartNew();
        batch.ProcessAll(first, (_, _) => { });
        Console.WriteLine($"warm-up (not timed in the phases): the first {first.Length} files in {watch.Elapsed.TotalSeconds:F2} s");
    }

    private static IReadOnlyList<(AudioInput Input, string Name)> InputList(string input) =>
        AudioFiles.Walk([input]).Select(i => (i, i.Name)).ToArray();

    /// <summary>
    /// Writes archive/NNNNN.wav, each cut from a 60 s loop of melody and noise at its own offset, and long.wav, their
    /// concatenation; returns the seconds of audio each side holds. Everything is on disk before the first phase
    /// starts, so that neither phase shares the disk with the write-back of the inputs.
    /// </summary>
    private static double WriteInputs(string root, int files, int samplesPerFile)
    {
        var loop = SignalGenerator.Mix(SignalGenerator.Melody(LoopSeconds * Rate, Rate, seed: 21), SignalGenerator.WhiteNoise(LoopSeconds * Rate, seed: 22), 0);
        var folder = Directory.CreateDirectory(Path.Combine(root, "archive")).FullName;
        var samples = new float[samplesPerFile];
        using var longFile = File.Create(Path.Combine(root, "long.wav"));
        using (var longWriter = new WavWriter(longFile, Rate))
        {
            for (var i = 0; i < files; i++)
            {
                var offset = (int)((long)i * 7_919 * 13 % loop.Length);
                for (var k = 0; k < samples.Length; k++)
                {
                    samples[k] = loop[(offset + k) % loop.Length];
                }

                using var file = File.Create(Path.Combine(folder, $"{i:D5}.wav"));
                using (var writer = new WavWriter(file, Rate))
                {
                    writer.Write(samples);
                }

                file.Flush(flushToDisk: true);
                longWriter.Write(samples);
            }
        }

        longFile.Flush(flushToDisk: true);
        return (double)files * samplesPerFile / Rate;
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}

/// <summary>A batch segmenter writing into the given output folder.</summary>
internal delegate BatchSegmenter BatchSegmenterFactory(string output);
