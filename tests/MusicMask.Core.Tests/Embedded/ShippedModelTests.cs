using MusicMask.Audio;
using MusicMask.Evaluation;
using MusicMask.Embedded;
using MusicMask.Scoring;
using MusicMask.Segmentation;
using MusicMask.Signals;
using MusicMask.Tests.Support;

namespace MusicMask.Tests.Pipeline;

/// <summary>The model shipped in models/ tells a melody from noise, and a steady hum from music, on audio it never saw.</summary>
public class ShippedModelTests
{
    private const int Rate = 44_100;

    [Fact]
    public void AMelodyInNoiseScoresAboveTheSameNoiseAlone()
    {
        using var temp = new TempDirectory();
        var samples = 30 * Rate;
        var noise = SignalGenerator.WhiteNoise(samples, seed: 11, level: 0.03f);
        var withMelody = (float[])noise.Clone();
        var melody = SignalGenerator.Melody(samples / 3, Rate, seed: 12, level: 0.1f);
        for (var i = 0; i < melody.Length; i++)
        {
            withMelody[samples / 3 + i] += melody[i];
        }

        WavWriter.Write(temp.File("noise.wav"), noise, Rate);
        WavWriter.Write(temp.File("melody.wav"), withMelody, Rate);
        using var scorer = new StripScorer(ShippedModel());
        var segmenter = new Segmenter(scorer);

        var noiseResult = segmenter.Run(temp.File("noise.wav"));
        var melodyResult = segmenter.Run(temp.File("melody.wav"));
        var (noiseMap, melodyMap) = (noiseResult.Map, melodyResult.Map);

        // Cells of the middle third, in the band where the melody's notes and harmonics lie (below ~5.5 kHz).
        double Mean(ProbabilityMap map)
        {
            var first = map.Columns / 3 + 16;
            var last = 2 * map.Columns / 3 - 16;
            return Enumerable.Range(first, last - first).SelectMany(c => Enumerable.Range(0, 4).Select(r => (double)map[r, c])).Average();
        }

        Assert.True(Mean(melodyMap) > Mean(noiseMap) + 0.2, $"melody {Mean(melodyMap):F3} vs noise {Mean(noiseMap):F3}");
        Assert.True(melodyMap.Mask().Count(b => b == 1) > noiseMap.Mask().Count(b => b == 1));

        // The time segments: music over most of the melody's 10 s, and nowhere in the noise alone.
        double MusicSeconds(IEnumerable<Segment> segments, double from, double to) => segments
            .Where(x => x.Label == Segment.Music)
            .Sum(x => Math.Max(0, Math.Min(x.End, to) - Math.Max(x.Start, from)));
        Assert.True(MusicSeconds(melodyResult.Segments, 10, 20) > 6, $"{MusicSeconds(melodyResult.Segments, 10, 20):F1} s of the melody");
        Assert.True(MusicSeconds(melodyResult.Segments, 0, 9) + MusicSeconds(melodyResult.Segments, 21, 30) < 2);
        Assert.True(MusicSeconds(noiseResult.Segments, 0, 30) < 2, $"{MusicSeconds(noiseResult.Segments, 0, 30):F1} s of the noise");
    }

    [Theory]
    [InlineData("sawtooth", 50)]
    [InlineData("sawtooth", 60)]
    [InlineData("sawtooth", 120)]
    [InlineData("sine", 1_000)]
    [InlineData("sine", 15_734)]
    public void ASteadyHumOrToneIsNotMusic(string wave, double frequency)
    {
        // Peak 0.1, 20 s: a sawtooth (every harmonic at 1/k, as rectified mains and transformer buzz), or a sine (a
        // 1 kHz line-up tone at the head of a broadcast tape, a CRT's 15.7 kHz line whine).
        using var temp = new TempDirectory();
        var samples = 20 * Rate;
        var tone = new float[samples];
        for (var i = 0; i < samples; i++)
        {
            var cycle = frequency * i / Rate;
            tone[i] = (float)(0.1 * (wave == "sine" ? Math.Sin(2 * Math.PI * cycle) : 2 * (cycle - Math.Floor(cycle)) - 1));
        }

        WavWriter.Write(temp.File("tone.wav"), tone, Rate);
        using var scorer = new StripScorer(ShippedModel());

        var result = new Segmenter(scorer).Run(temp.File("tone.wav"));

        var music = result.Segments.Where(s => s.Label == Segment.Music).Sum(s => s.End - s.Start);
        Assert.True(music < 2, $"{music:F1} s of 20 s of a {frequency} Hz {wave} called music");
    }

    [Fact]
    public void EvalCountsTheTimeColumnsTheSegmentsCallMusic()
    {
        using var temp = new TempDirectory();
        WavWriter.Write(temp.File("melody.wav"), SignalGenerator.Melody(20 * Rate, Rate, seed: 21, level: 0.1f), Rate);
        WavWriter.Write(temp.File("noise.wav"), SignalGenerator.WhiteNoise(20 * Rate, seed: 22, level: 0.05f), Rate);
        using var scorer = new StripScorer(ShippedModel());
        var options = new EvaluationOptions { Snrs = [null], WindowsPerCondition = 3000, Seed = 3 };

        var clean = new Evaluator(scorer, options).Run([temp.File("melody.wav")], [temp.File("noise.wav")]).Conditions[0];

        Assert.True(clean.Columns.MusicFound > 0.7, $"melody time found {clean.Columns.MusicFound:P0}");
        Assert.True(clean.Columns.NoiseCalledMusic < 0.2, $"noise time called music {clean.Columns.NoiseCalledMusic:P0}");
    }

    [Fact]
    public void TheShippedModelReadsEachWindowWithItsColumn()
    {
        using var scorer = new StripScorer(ShippedModel());

        Assert.NotNull(scorer.Context);
        Assert.Equal(1, scorer.Context.Own);
        Assert.True(scorer.Context.Column > 0, $"column weight {scorer.Context.Column}");
    }

    private static string ShippedModel()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var path = Path.Combine(folder.FullName, "models", "musicmask-v1.onnx");
            if (File.Exists(path) && File.Exists(Path.Combine(folder.FullName, "Pipeline.sln")))
            {
                return path;
            }
        }

        throw new FileNotFoundException("models/musicmask-v1.onnx not found above the test folder");
    }
}
