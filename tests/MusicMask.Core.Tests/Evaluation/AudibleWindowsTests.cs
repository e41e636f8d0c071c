using MusicMask.Evaluation;
using MusicMask.Segmentation;
using MusicMask.Signals;
using MusicMask.Transforms;

namespace MusicMask.Tests.Evaluation;

/// <summary>
/// Music as a 1 kHz tone (lowest band only) under noise high-passed into the top bands: windows of the lowest band
/// position hear the music, windows of the top band positions hear only the noise.
/// </summary>
public class AudibleWindowsTests
{
    private const int Seconds = 2;

    [Fact]
    public void AMixtureWindowIsMusicWhereTheMusicIsTheLouderSourceInIt()
    {
        var mixture = Mixture();
        var (music, noise) = (mixture.Music, mixture.Noise);
        var lowBandMusic = Scored(mixture, (band, _) => band == 0 ? 0.9f : 0.1f);
        var topBandMusic = Scored(mixture, (band, _) => band == 0 ? 0.1f : 0.9f);

        var found = new AudibleWindows(-75);
        found.AddMixture(lowBandMusic, music, noise);
        var inverted = new AudibleWindows(-75);
        inverted.AddMixture(topBandMusic, music, noise);

        // Under the paper's labels every one of these windows is music, so no ranking of them could give either AUC.
        Assert.Equal(1, found.Auc()!.Value, 6);
        Assert.Equal(0, inverted.Auc()!.Value, 6);
    }

    [Fact]
    public void NoiseAloneIsNoiseAndOneClassGivesNoAuc()
    {
        var mixture = Mixture();
        var (music, noise) = (mixture.Music, mixture.Noise);
        var windows = new AudibleWindows(-75);

        windows.AddNoise(Scored(mixture, (_, _) => 0.5f));
        Assert.Null(windows.Auc());

        windows.AddMixture(Scored(mixture, (band, _) => band == 0 ? 0.9f : 0.5f), music, noise);
        Assert.NotNull(windows.Auc());
    }

    private static (WindowGrid Grid, double[] Music, double[] Noise) Mixture()
    {
        var rate = SpectrogramParameters.SampleRate;
        var tone = SignalGenerator.Sine(Seconds * rate, rate, 1000, 0.3f);
        var hiss = SignalGenerator.WhiteNoise(Seconds * rate, seed: 4, level: 0.3f);
        for (var i = hiss.Length - 1; i > 0; i--)
        {
            // A first difference: hiss rising 6 dB per octave, far under the tone at 1 kHz, far over it above 11 kHz.
            hiss[i] -= hiss[i - 1];
        }

        var frames = (Seconds * rate - SpectrogramParameters.FftSize) / SpectrogramParameters.Hop + 1;
        var grid = new WindowGrid(frames);
        return (grid, SignalScorer.CellPower(tone, grid.CellColumns), SignalScorer.CellPower(hiss, grid.CellColumns));
    }

    private static ScoredSignal Scored((WindowGrid Grid, double[] Music, double[] Noise) mixture, Func<int, long, float> probability)
    {
        var grid = mixture.Grid;
        var windows = new float[WindowGrid.BandPositions * grid.WindowColumns];
        for (var i = 0; i < windows.Length; i++)
        {
            windows[i] = probability((int)(i / grid.WindowColumns), i % grid.WindowColumns);
        }

        var levels = Enumerable.Repeat(-20f, windows.Length).ToArray();
        return new ScoredSignal(grid, windows, levels, ProbabilityMapBuilder.Stitch(grid, windows));
    }
}
