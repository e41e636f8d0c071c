using System.CommandLine;
using System.Diagnostics;
using MusicMask.Audio;
using MusicMask.Cli.Benchmarks;
using MusicMask.Filters;
using MusicMask.Models;
using MusicMask.Embedded;
using MusicMask.Outputs;
using MusicMask.Scoring;
using MusicMask.Segmentation;
using MusicMask.Signals;
using MusicMask.Transforms;

namespace MusicMask.Cli.Commands;

/// <summary>
/// Prints stage timings, x-real-time, strip vs per-window scoring and peak memory, on synthetic audio written
/// to a temporary WAV (48 kHz stereo, so the resampler works; or 44.1 kHz mono for the long-file memory run).
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var minutes = new Option<double>("--minutes") { Description = "length of the stage benchmark input", DefaultValueFactory = _ => 10 }.Within(0.1, 60);
        var hours = new Option<double>("--long-hours") { Description = "instead: run end to end on a file this many hours long and report peak memory", DefaultValueFactory = _ => 0 }.Within(0, 100);
        var files = new Option<int>("--files") { Description = "instead: segment this many files of --seconds each, then one file of the same audio, and compare their rates", DefaultValueFactory = _ => 0 }.Within(0, 100_000);
        var fileSeconds = new Option<double>("--seconds") { Description = "length of each file with --files", DefaultValueFactory = _ => 30 }.Within(0.01, 3600);
        var audio = new Option<bool>("--audio") { Description = "instead: time `segment` end to end without and with --audio, alternating, over --runs runs each" };
        var runs = new Option<int>("--runs") { Description = "runs of each with --audio", DefaultValueFactory = _ => 3 }.Within(1, 100);
        var model = CommonOptions.Model();
        var threads = CommonOptions.Threads();
        var command = new Command("bench", "Measure decode, resample, STFT, scoring and stitching speed, strip vs per-window scoring, peak memory, and the rate on many short files.")
        {
            minutes, hours, files, fileSeconds, audio, runs, model, threads,
        };
        command.SetAction(parse =>
        {
            using var scorer = OpenScorer(parse.GetValue(model)!);
            var t = parse.GetValue(threads);
            Console.WriteLine($"threads: {t}; cores: {Environment.ProcessorCount}");
            if (parse.GetValue(files) is > 0 and var n)
            {
                ArchiveBench.Run(output => new BatchSegmenter(new Segmenter(scorer, new SegmenterOptions { Threads = t }), new ResultFolders(output)), n, parse.GetValue(fileSeconds));
            }
            else if (parse.GetValue(audio))
            {
                AudioBench.Run(scorer, parse.GetValue(minutes), t, parse.GetValue(runs), WriteStereo);
            }
            else if (parse.GetValue(hours) is > 0 and var h)
            {
                LongRun(scorer, h, t);
            }
            else
            {
                StageRun(scorer, parse.GetValue(minutes), t);
            }
        });
        return command;
    }

    private static StripScorer OpenScorer(FileInfo model)
    {
        if (model.Exists)
        {
            Console.WriteLine($"model: {model.FullName}");
            return new StripScorer(model.FullName);
        }

        var path = Path.Combine(Path.GetTempPath(), "musicmask-bench-random.onnx");
        File.WriteAllBytes(path, OnnxModelWriter.Write(NetworkWeights.Random(seed: 7), "random"));
        Console.WriteLine($"model: {model.FullName} not found; timing a random-weight model of the same architecture");
        return new StripScorer(path);
    }

    private static void StageRun(StripScorer scorer, double minutes, int threads)
    {
        const int inputRate = 48_000;
        var seconds = minutes * 60;
        WithTemporaryWav(path =>
        {
            WriteStereo(path, (int)(seconds * inputRate), inputRate);
            StageRun(scorer, path, seconds, threads);
        });
    }

    /// <summary>Runs with a fresh temporary file name, and deletes the file however the run ends (a 10-hour input is 3 GB).</summary>
    private static void WithTemporaryWav(Action<string> run)
    {
        var path = Path.Combine(Path.GetTempPath(), $"musicmask-bench-{Guid.NewGuid():N}.wav");
        try
        {
            run(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void StageRun(StripScorer scorer, string path, double seconds, int threads)
    {
        Console.WriteLine($"input: {seconds:F0} s, 48 kHz stereo 16-bit WAV ({new FileInfo(path).Length / 1e6:F0} MB); threads: {threads}");

        var decoded = Measure("decode", seconds, () => ReadAll(path));
        var resampled = Measure("resample 48k->44.1k", seconds, () => Resample(decoded));
        var tiles = new List<SpectrogramTile>();
        var grid = Measure("stft + tiling", seconds, () => Analyse(resampled, tiles.Add));
        var builder = new ProbabilityMapBuilder(scorer.TimeContext);
        var stripSeconds = Time(() => Parallel.ForEach(tiles, new ParallelOptions { MaxDegreeOfParallelism = threads }, tile => builder.Add(scorer.Score(tile))));
        Report("scoring (strips)", stripSeconds, seconds);
        var map = Measure("stitch", seconds, () => builder.Build(grid));
        _ = map;

        var windows = grid.WindowColumns * WindowGrid.BandPositions;
        var perWindow = PerWindowSeconds(scorer, tiles[0], threads);
        Console.WriteLine($"scoring window by window: {perWindow * 1e6:F0} us/window -> {perWindow * windows:F1} s for all {windows} windows; " +
                          $"strip scoring is {perWindow * windows / stripSeconds:F1}x faster");

        CompareFfts();
        var segmenter = new Segmenter(scorer, new SegmenterOptions { Threads = threads });
        var watch = Stopwatch.StartNew();
        var result = segmenter.Run(path);
        var files = result.RenderFiles(segmenter.Model);
        watch.Stop();
        Console.WriteLine($"end to end (segment, all outputs rendered): {watch.Elapsed.TotalSeconds:F2} s = {seconds / watch.Elapsed.TotalSeconds:F0}x real time ({files.Count} files)");
        Console.WriteLine($"peak RSS: {PeakMemory.Megabytes():F0} MB");
    }

    private static void LongRun(StripScorer scorer, double hours, int threads) => WithTemporaryWav(path => LongRun(scorer, path, hours, threads));

    private static void LongRun(StripScorer scorer, string path, double hours, int threads)
    {
        var seconds = hours * 3600;
        WriteLongMono(path, seconds);
        Console.WriteLine($"input: {hours} h, 44.1 kHz mono 16-bit WAV ({new FileInfo(path).Length / 1e9:F2} GB)");
        var segmenter = new Segmenter(scorer, new SegmenterOptions { Threads = threads });
        var watch = Stopwatch.StartNew();
        var result = segmenter.Run(path);
        var files = result.RenderFiles(segmenter.Model);
        watch.Stop();
        Console.WriteLine($"end to end: {watch.Elapsed.TotalSeconds:F1} s = {seconds / watch.Elapsed.TotalSeconds:F0}x real time; {result.Map.Columns} cell columns, {files.Sum(f => (long)f.Content.Length) / 1e6:F1} MB of outputs");
        Console.WriteLine($"peak RSS: {PeakMemory.Megabytes():F0} MB");
    }

    private static double PerWindowSeconds(StripScorer scorer, SpectrogramTile tile, int threads)
    {
        const int batch = 16;
        const int batches = 32;
        var input = new float[batch * WindowGrid.WindowHeight * WindowGrid.WindowWidth];
        for (var w = 0; w < batch; w++)
        {
            for (var row = 0; row < WindowGrid.WindowHeight; row++)
            {
                for (var col = 0; col < WindowGrid.WindowWidth; col++)
                {
                    input[(w * WindowGrid.WindowHeight + row) * WindowGrid.WindowWidth + col] =
                        tile.Frames[(col + w * WindowGrid.Stride) * SpectrogramParameters.Bins + row];
                }
            }
        }

        long[] shape = [batch, 1, WindowGrid.WindowHeight, WindowGrid.WindowWidth];
        scorer.Run(input, shape);
        var seconds = Time(() => Parallel.For(0, batches, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ => scorer.Run(input, shape)));
        return seconds / (batch * batches);
    }

    private static void CompareFfts()
    {
        const int frames = 50_000;
        var frame = SignalGenerator.WhiteNoise(SpectrogramParameters.FftSize, seed: 5);
        var power = new float[SpectrogramParameters.Bins];
        var fft = new RealFft512();
        var ours = Time(() =>
        {
            for (var i = 0; i < frames; i++)
            {
                fft.Power(frame, power);
            }
        });
        var buffer = new float[SpectrogramParameters.FftSize + 2];
        var mathNet = Time(() =>
        {
            for (var i = 0; i < frames; i++)
            {
                frame.CopyTo(buffer, 0);
                MathNet.Numerics.IntegralTransforms.Fourier.ForwardReal(buffer, SpectrogramParameters.FftSize, MathNet.Numerics.IntegralTransforms.FourierOptions.NoScaling);
                for (var k = 0; k < SpectrogramParameters.Bins; k++)
                {
                    power[k] = buffer[2 * k] * buffer[2 * k] + buffer[2 * k + 1] * buffer[2 * k + 1];
                }
            }
        });
        Console.WriteLine($"512-point power spectrum: RealFft512 {ours / frames * 1e6:F2} us, MathNet ForwardReal {mathNet / frames * 1e6:F2} us ({mathNet / ours:F1}x slower)");
    }

    private static float[] ReadAll(string path)
    {
        using var source = AudioDecoder.Open(path);
        var samples = new float[source.Length!.Value];
        source.ReadFully(samples);
        return samples;
    }

    private static float[] Resample(float[] input)
    {
        var resampler = new PolyphaseResampler(48_000, SpectrogramParameters.SampleRate);
        var output = new float[resampler.OutputLength(input.Length)];
        var filled = 0;
        void Sink(ReadOnlySpan<float> block)
        {
            block.CopyTo(output.AsSpan(filled));
            filled += block.Length;
        }

        for (var start = 0; start < input.Length; start += 1 << 15)
        {
            resampler.Process(input.AsSpan(start, Math.Min(1 << 15, input.Length - start)), Sink);
        }

        resampler.Flush(Sink);
        return output;
    }

    private static WindowGrid Analyse(float[] signal, Action<SpectrogramTile> onTile)
    {
        var assembler = new TileAssembler(onTile);
        var framer = new StftFramer(assembler.AddFrame);
        framer.Process(signal);
        framer.Flush();
        return assembler.Complete();
    }

    internal static void WriteStereo(string path, int frames, int rate)
    {
        var music = SignalGenerator.Melody(frames, rate, seed: 11, level: 0.1f);
        var noise = SignalGenerator.WhiteNoise(frames, seed: 12, level: 0.05f);
        var interleaved = new float[2 * frames];
        for (var i = 0; i < frames; i++)
        {
            interleaved[2 * i] = music[i] + noise[i];
            interleaved[2 * i + 1] = music[i] - noise[i];
        }

        using var file = File.Create(path);
        using var writer = new WavWriter(file, rate, channels: 2);
        writer.Write(interleaved);
    }

    private static void WriteLongMono(string path, double seconds)
    {
        const int rate = SpectrogramParameters.SampleRate;
        var block = SignalGenerator.Mix(SignalGenerator.Melody(60 * rate, rate, seed: 21), SignalGenerator.WhiteNoise(60 * rate, seed: 22), 0);
        using var file = File.Create(path);
        using var writer = new WavWriter(file, rate);
        for (var written = 0.0; written < seconds; written += 60)
        {
            writer.Write(block.AsSpan(0, (int)(Math.Min(60, seconds - written) * rate)));
        }
    }

    private static T Measure<T>(string stage, double audioSeconds, Func<T> work)
    {
        var result = default(T)!;
        var seconds = Time(() => result = work());
        Report(stage, seconds, audioSeconds);
        return result;
    }

    private static void Report(string stage, double seconds, double audioSeconds) =>
        Console.WriteLine($"{stage,-22} {seconds,8:F3} s  {audioSeconds / seconds,8:F0}x real time");

    private static double Time(Action work)
    {
        var watch = Stopwatch.StartNew();
        work();
        return watch.Elapsed.TotalSeconds;
    }
}
