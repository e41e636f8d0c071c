using MusicMask.Audio;
using MusicMask.Pipeline;
using MusicMask.Scoring;
using MusicMask.Segmentation;
using MusicMask.Signals;
using MusicMask.Tests.Support;

namespace MusicMask.Tests.Pipeline;

/// <summary>The model shipped in models/ tells a melody from noise on audio it never saw.</summary>
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

        var noiseMap = segmenter.Run(temp.File("noise.wav")).Map;
        var melodyMap = segmenter.Run(temp.File("melody.wav")).Map;

        // Cells of the middle third, in the band where the melody's notes and harmonics lie (below ~5.5 kHz).
        double Mean(ProbabilityMap map)
        {
            var first = map.Columns / 3 + 16;
            var last = 2 * map.Columns / 3 - 16;
            return Enumerable.Range(first, last - first).SelectMany(c => Enumerable.Range(0, 4).Select(r => (double)map[r, c])).Average();
        }

        Assert.True(Mean(melodyMap) > Mean(noiseMap) + 0.2, $"melody {Mean(melodyMap):F3} vs noise {Mean(noiseMap):F3}");
        Assert.True(melodyMap.Mask().Count(b => b == 1) > noiseMap.Mask().Count(b => b == 1));
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
