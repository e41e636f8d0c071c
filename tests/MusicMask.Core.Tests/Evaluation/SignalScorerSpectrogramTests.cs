using MusicMask.Evaluation;
using MusicMask.Signals;
using MusicMask.Transforms;

namespace MusicMask.Tests.Evaluation;

public class SignalScorerSpectrogramTests
{
    [Fact]
    public void ItIsTheFramersSpectrogramFrequencyMajorWithAFrameForEveryHop()
    {
        var signal = SignalGenerator.Melody(44_100, 44_100, seed: 3);
        var frames = new List<float[]>();
        var framer = new StftFramer(values => frames.Add(values.ToArray()));
        framer.Process(signal);
        framer.Flush();

        var (decibels, count) = SignalScorer.Spectrogram(signal);

        Assert.Equal((signal.Length + SpectrogramParameters.Hop - 1) / SpectrogramParameters.Hop, count);
        Assert.Equal(frames.Count, count);
        foreach (var (bin, frame) in new[] { (0, 0), (40, 100), (255, count - 1) })
        {
            Assert.Equal(frames[frame][bin], decibels[bin * count + frame]);
        }
    }

    [Fact]
    public void AShortSignalIsPaddedToOneWindowWithTheFloor()
    {
        var signal = SignalGenerator.Melody(4_410, 44_100, seed: 4);

        var (decibels, count) = SignalScorer.Spectrogram(signal);

        Assert.Equal(256, count);
        Assert.True(decibels[10 * count + 5] > SpectrogramParameters.SilenceDecibels);
        Assert.Equal(SpectrogramParameters.SilenceDecibels, decibels[10 * count + 200]);
    }
}
