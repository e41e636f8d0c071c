using System.Text.Json;
using MusicMask.Audio;
using MusicMask.Embedded;
using MusicMask.Filters;
using MusicMask.Outputs;
using MusicMask.Scoring;
using MusicMask.Signals;
using MusicMask.Tests.Support;

namespace MusicMask.Tests.Pipeline;

public class AudioOutputTests
{
    private static float[] ReadAll(string path)
    {
        using var source = AudioDecoder.Open(path);
        var samples = new float[source.Length!.Value];
        source.ReadFully(samples);
        return samples;
    }

    [Theory]
    [InlineData(48_000, 2, 7 * 48_000 + 333)]
    [InlineData(44_100, 1, 4 * 44_100 + 77)]
    [InlineData(44_100, 1, 1_001)]
    public void MusicAndRemainderSumToTheMonoInputAt44100(int rate, int channels, int frames)
    {
        using var temp = new TempDirectory();
        var left = SignalGenerator.Mix(SignalGenerator.Melody(frames, rate, seed: 1), SignalGenerator.WhiteNoise(frames, seed: 2), 0);
        var right = SignalGenerator.WhiteNoise(frames, seed: 3, level: 0.05f);
        var interleaved = new float[frames * channels];
        for (var i = 0; i < frames; i++)
        {
            interleaved[i * channels] = left[i];
            if (channels == 2)
            {
                interleaved[i * channels + 1] = right[i];
            }
        }

        using (var file = File.Create(temp.File("mix.wav")))
        using (var writer = new WavWriter(file, rate, channels))
        {
            writer.Write(interleaved);
        }

        using var scorer = new StripScorer(TestModels.RandomModel());
        var batch = new BatchSegmenter(new Segmenter(scorer, new SegmenterOptions { Threads = 2, Audio = true }), new ResultFolders(temp.File("out")));
        var outcome = batch.Process(new AudioInput(temp.File("mix.wav"), "mix.wav"), "mix.wav");

        Assert.True(outcome.Succeeded, outcome.Error?.Reason);
        var mono = ReadAll(temp.File("mix.wav"));
        var expected = rate == 44_100 ? mono : PolyphaseResampler.Resample(mono, rate, 44_100);
        var music = ReadAll(Path.Combine(outcome.Folder!, ResultFiles.Music));
        var remainder = ReadAll(Path.Combine(outcome.Folder!, ResultFiles.Remainder));
        Assert.Equal(expected.Length, music.Length);
        Assert.Equal(expected.Length, remainder.Length);
        var sum = music.Zip(remainder, (m, r) => m + r).ToArray();
        Assert.True(SignalMeasures.RelativeRms(expected, sum) < 1e-3, $"relative RMS {SignalMeasures.RelativeRms(expected, sum)}");
        var edge = Math.Min(512, expected.Length);
        Assert.True(SignalMeasures.RelativeRms(expected.AsSpan(0, edge), sum.AsSpan(0, edge)) < 1e-3, "the first 512 samples");
        Assert.True(SignalMeasures.RelativeRms(expected.AsSpan(expected.Length - edge), sum.AsSpan(expected.Length - edge)) < 1e-3, "the last 512 samples");
        Assert.True(SignalMeasures.RelativeRms(expected, music) > 1e-2, "a random model's mask should not pass everything");

        using (var source = AudioDecoder.Open(Path.Combine(outcome.Folder!, ResultFiles.Music)))
        {
            Assert.Equal((44_100, 1), (source.SampleRate, source.Channels));
            Assert.Contains("float", source.Format, StringComparison.OrdinalIgnoreCase);
        }

        var gated = NpyReader.Read(File.OpenRead(Path.Combine(outcome.Folder!, ResultFiles.GatedProbability)));
        var plain = NpyReader.Read(File.OpenRead(Path.Combine(outcome.Folder!, ResultFiles.Probability)));
        Assert.Equal(plain.Shape, gated.Shape);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(outcome.Folder!, ResultFiles.Manifest)));
        var files = manifest.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()).ToArray();
        Assert.Contains(ResultFiles.Music, files);
        Assert.Contains(ResultFiles.Remainder, files);
        Assert.Contains(ResultFiles.GatedProbability, files);
        Assert.Equal(6, manifest.RootElement.GetProperty("parameters").GetProperty("audio_level_gate_db").GetDouble());
        Assert.True(manifest.RootElement.GetProperty("stage_seconds").GetProperty("separate").GetDouble() > 0);
    }

    [Fact]
    public void WithoutAudioNoAudioIsWrittenAndARerunWithoutItRemovesTheOldAudio()
    {
        using var temp = new TempDirectory();
        WavWriter.Write(temp.File("a.wav"), SignalGenerator.Melody(3 * 44_100, 44_100, seed: 5), 44_100);
        using var scorer = new StripScorer(TestModels.RandomModel());
        var input = new AudioInput(temp.File("a.wav"), "a.wav");
        var withAudio = new BatchSegmenter(new Segmenter(scorer, new SegmenterOptions { Threads = 1, Audio = true }), new ResultFolders(temp.File("out")));
        var folder = withAudio.Process(input, "a.wav").Folder!;
        Assert.True(File.Exists(Path.Combine(folder, ResultFiles.Music)));

        var without = new BatchSegmenter(new Segmenter(scorer, new SegmenterOptions { Threads = 1 }), new ResultFolders(temp.File("out")));
        Assert.True(without.Process(input, "a.wav").Succeeded);

        Assert.False(File.Exists(Path.Combine(folder, ResultFiles.Music)));
        Assert.False(File.Exists(Path.Combine(folder, ResultFiles.Remainder)));
        Assert.False(File.Exists(Path.Combine(folder, ResultFiles.GatedProbability)));
        Assert.True(File.Exists(Path.Combine(folder, ResultFiles.Manifest)));
    }
}
