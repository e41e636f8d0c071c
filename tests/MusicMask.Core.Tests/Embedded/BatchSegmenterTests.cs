using System.Text.Json.Nodes;
using MusicMask.Audio;
using MusicMask.Embedded;
using MusicMask.Outputs;
using MusicMask.Scoring;
using MusicMask.Signals;
using MusicMask.Tests.Support;
using MusicMask.Transforms;

namespace MusicMask.Tests.Pipeline;

/// <summary>Many files through one pipeline: the same bytes as one file at a time, in order, one failure stays one file's.</summary>
public class BatchSegmenterTests
{
    private const int Rate = 44_100;

    /// <summary>
    /// Lengths around the edges that matter: shorter than a frame and than a window, one window, a tile's 128 window
    /// columns and one column either side, two tiles and a bit, a 48 kHz stereo file that is resampled.
    /// </summary>
    private static readonly (string Name, int Samples, int Rate, int Channels)[] Files =
    [
        ("a-100-samples.wav", 100, Rate, 1),
        ("b-one-window.wav", Frames(256), Rate, 1),
        ("c-5s.wav", 5 * Rate, Rate, 1),
        ("d-127-windows.wav", Frames(2272), Rate, 1),
        ("e-128-windows.wav", Frames(2288), Rate, 1),
        ("f-129-windows.wav", Frames(2288) + 1, Rate, 1),
        ("g-odd.wav", 12 * Rate + 4_321, Rate, 1),
        ("h-48k-stereo.wav", 7 * 48_000 + 17, 48_000, 2),
        ("i-1s.wav", Rate, Rate, 1),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ABatchWritesByteForByteWhatOneFileRunsWriteForEachFile(int threads)
    {
        using var temp = new TempDirectory();
        var inputs = WriteFiles(temp.File("audio"));
        using var scorer = new StripScorer(TestModels.RandomModel());

        var batch = new BatchSegmenter(new Segmenter(scorer, new SegmenterOptions { Threads = threads }), new ResultFolders(temp.File("batch")));
        var outcomes = new List<FileOutcome>();
        batch.ProcessAll(inputs, (_, outcome) => outcomes.Add(outcome));
        foreach (var (input, name) in inputs)
        {
            var single = new BatchSegmenter(new Segmenter(scorer, new SegmenterOptions { Threads = 1 }), new ResultFolders(temp.File("single")));
            Assert.True(single.Process(input, name).Succeeded);
        }

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Error?.Reason));
        foreach (var (_, name) in inputs)
        {
            var expected = Directory.GetFiles(temp.File($"single/{name}")).Select(Path.GetFileName).Order().ToArray();
            Assert.Equal(expected, Directory.GetFiles(temp.File($"batch/{name}")).Select(Path.GetFileName).Order().ToArray());
            foreach (var file in expected)
            {
                Assert.True(
                    Comparable(temp.File($"single/{name}/{file}")).AsSpan().SequenceEqual(Comparable(temp.File($"batch/{name}/{file}"))),
                    $"{name}/{file} differs between the batch and the one-file run");
            }
        }
    }

    [Fact]
    public void OutcomesArriveInInputOrderOnTheCallingThread()
    {
        using var temp = new TempDirectory();
        var inputs = WriteFiles(temp.File("audio"));
        using var scorer = new StripScorer(TestModels.RandomModel());
        var batch = new BatchSegmenter(new Segmenter(scorer, new SegmenterOptions { Threads = 2 }), new ResultFolders(temp.File("out")));
        var seen = new List<(int Index, string Name, int Thread)>();

        batch.ProcessAll(inputs, (i, outcome) => seen.Add((i, outcome.Input.Name, Environment.CurrentManagedThreadId)));

        Assert.Equal(Enumerable.Range(0, inputs.Count), seen.Select(s => s.Index));
        Assert.Equal(inputs.Select(i => i.Name), seen.Select(s => s.Name));
        Assert.All(seen, s => Assert.Equal(Environment.CurrentManagedThreadId, s.Thread));
    }

    [Fact]
    public void AFileWhoseScoringFailsGetsItsErrorRecordAndTheFilesAroundItTheirResults()
    {
        using var temp = new TempDirectory();
        var inputs = WriteFiles(temp.File("audio")).ToList();
        WavWriter.Write(temp.File("audio/silence.wav"), new float[10 * Rate], Rate);
        inputs.Insert(3, (new AudioInput(temp.File("audio/silence.wav"), "silence.wav"), "silence.wav"));
        using var scorer = new StripScorer(TestModels.RandomModel());
        var segmenter = new Segmenter(
            tile => tile.Frames.All(v => v < SpectrogramParameters.SilenceDecibels + 1) ? throw new InvalidOperationException("scoring failed") : scorer.Score(tile),
            scorer.Model,
            new SegmenterOptions { Threads = 2 });
        var outcomes = new List<FileOutcome>();

        new BatchSegmenter(segmenter, new ResultFolders(temp.File("out"))).ProcessAll(inputs, (_, outcome) => outcomes.Add(outcome));

        var failed = Assert.Single(outcomes, o => !o.Succeeded);
        Assert.Equal("silence.wav", failed.Input.Name);
        Assert.Equal(("segment", "InvalidOperationException: scoring failed"), (failed.Error!.Stage, failed.Error.Reason));
        Assert.True(File.Exists(temp.File("out/silence.wav/error.json")));
        Assert.Equal(inputs.Count - 1, outcomes.Count(o => o.Succeeded && File.Exists(Path.Combine(o.Folder!, ResultFiles.Manifest))));
    }

    [Fact]
    public void AnUnreadableFileAmongGoodOnesFailsAloneWithTheReason()
    {
        using var temp = new TempDirectory();
        var inputs = WriteFiles(temp.File("audio")).ToList();
        File.WriteAllText(temp.File("audio/notes.wav"), "not audio at all");
        inputs.Insert(1, (new AudioInput(temp.File("audio/notes.wav"), "notes.wav"), "notes.wav"));
        inputs.Insert(4, (new AudioInput(temp.File("audio/gone.wav"), "gone.wav", "a symbolic link to nowhere"), "gone.wav"));
        using var scorer = new StripScorer(TestModels.RandomModel());
        var outcomes = new List<FileOutcome>();

        new BatchSegmenter(new Segmenter(scorer, new SegmenterOptions { Threads = 2 }), new ResultFolders(temp.File("out")))
            .ProcessAll(inputs, (_, outcome) => outcomes.Add(outcome));

        Assert.Equal(
            [("notes.wav", "decode", "not audio: the file is plain text"), ("gone.wav", "read", "a symbolic link to nowhere")],
            outcomes.Where(o => !o.Succeeded).Select(o => (o.Input.Name, o.Error!.Stage, o.Error.Reason)));
        Assert.Equal(inputs.Count - 2, outcomes.Count(o => o.Succeeded));
    }

    [Fact]
    public async Task CancellingABatchStopsItWithoutLeavingItsWorkersBlocked()
    {
        using var temp = new TempDirectory();
        var inputs = WriteFiles(temp.File("audio"));
        using var scorer = new StripScorer(TestModels.RandomModel());
        using var cancel = new CancellationTokenSource();
        var scored = 0;
        var segmenter = new Segmenter(
            tile =>
            {
                if (Interlocked.Increment(ref scored) == 3)
                {
                    cancel.Cancel();
                }

                return scorer.Score(tile);
            },
            scorer.Model,
            new SegmenterOptions { Threads = 2 });
        var batch = new BatchSegmenter(segmenter, new ResultFolders(temp.File("out")));

        var run = Task.Run(() => batch.ProcessAll(inputs, (_, _) => { }, cancellationToken: cancel.Token));

        Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60))));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    /// <summary>Samples that make exactly <paramref name="frames"/> STFT frames.</summary>
    private static int Frames(int frames) => frames * SpectrogramParameters.Hop;

    private static IReadOnlyList<(AudioInput Input, string Name)> WriteFiles(string folder)
    {
        Directory.CreateDirectory(folder);
        var inputs = new List<(AudioInput, string)>();
        for (var i = 0; i < Files.Length; i++)
        {
            var (name, samples, rate, channels) = Files[i];
            var path = Path.Combine(folder, name);
            var signal = SignalGenerator.Mix(SignalGenerator.Melody(samples * channels, rate, seed: 30 + i), SignalGenerator.WhiteNoise(samples * channels, seed: 50 + i), 3);
            using (var file = File.Create(path))
            using (var writer = new WavWriter(file, rate, channels))
            {
                writer.Write(signal);
            }

            inputs.Add((new AudioInput(path, name), name));
        }

        return inputs;
    }

    /// <summary>A result file's bytes; for the manifest, without the seconds each stage took, which no two runs share.</summary>
    private static byte[] Comparable(string path)
    {
        if (Path.GetFileName(path) != ResultFiles.Manifest)
        {
            return File.ReadAllBytes(path);
        }

        var manifest = JsonNode.Parse(File.ReadAllBytes(path))!.AsObject();
        Assert.True(manifest.Remove("stage_seconds"));
        return System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString());
    }
}
