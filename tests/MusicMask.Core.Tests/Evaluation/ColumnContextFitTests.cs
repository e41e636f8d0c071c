using MusicMask.Evaluation;
using MusicMask.Scoring;
using MusicMask.Signals;
using MusicMask.Tests.Support;

namespace MusicMask.Tests.Evaluation;

public class ColumnContextFitTests
{
    [Fact]
    public void SolveRecoversTheColumnWeightAndBiasThatMadeTheLabels()
    {
        var random = new Random(11);
        var samples = new List<(double Own, double Column, bool Music)>();
        for (var i = 0; i < 40_000; i++)
        {
            var column = random.NextDouble() * 8 - 4;
            var own = column + random.NextDouble() * 4 - 2;
            var logit = own + 1.5 * column - 0.4;
            samples.Add((own, column, random.NextDouble() < 1 / (1 + Math.Exp(-logit))));
        }

        var (weight, bias) = ColumnContextFit.Solve(samples, own: 1);

        Assert.Equal(1.5, weight, 1);
        Assert.Equal(-0.4, bias, 1);
    }

    [Fact]
    public void SolveRefusesWindowsOfOneClassAndColumnsThatNeverVary()
    {
        Assert.Throws<ArgumentException>(() => ColumnContextFit.Solve([(1, 1, true), (2, 0, true)], own: 1));
        Assert.Throws<InvalidOperationException>(() => ColumnContextFit.Solve([(1, 0, true), (-1, 0, false), (0.5, 0, false)], own: 1));
    }

    [Fact]
    public void SilentNoiseFilesStopTheFitWithAClearErrorInsteadOfDrawingForEver()
    {
        using var temp = new TempDirectory();
        MusicMask.Audio.WavWriter.Write(temp.File("music.wav"), SignalGenerator.Melody(4 * 44_100, 44_100, seed: 5), 44_100);
        MusicMask.Audio.WavWriter.Write(temp.File("silence.wav"), new float[4 * 44_100], 44_100);
        using var scorer = new StripScorer(TestModels.RandomModel(4));

        var error = Assert.Throws<InvalidDataException>(() => ColumnContextFit.Fit(scorer, [temp.File("music.wav")], [temp.File("silence.wav")], new EvaluationOptions { WindowsPerCondition = 100, Snrs = [null] }));

        Assert.Contains("noise files are silent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EachAudibleWindowIsPairedWithTheMeanLogitOfItsColumnsWindowsAboveTheFloor()
    {
        using var scorer = new StripScorer(TestModels.RandomModel(4));
        var signal = SignalGenerator.Melody(5 * 44_100, 44_100, seed: 3);
        Array.Clear(signal, 44_100, 44_100);
        var scored = SignalScorer.Score(scorer, signal);
        const float silent = -75;

        var samples = ColumnContextFit.Samples(scored, music: true, silent).ToList();

        var columns = (int)scored.Grid.WindowColumns;
        var expected = new List<(double, double, bool)>();
        for (var band = 0; band < scored.WindowProbabilities.Length / columns; band++)
        {
            for (var column = 0; column < columns; column++)
            {
                var i = band * columns + column;
                if (scored.WindowDecibels[i] < silent)
                {
                    continue;
                }

                var audible = Enumerable.Range(0, scored.WindowProbabilities.Length / columns).Select(b => b * columns + column)
                    .Where(j => scored.WindowDecibels[j] >= SilenceGate.FloorWindowDecibels).ToList();
                expected.Add((ColumnContext.Logit(scored.WindowProbabilities[i]), audible.Average(j => ColumnContext.Logit(scored.WindowProbabilities[j])), true));
            }
        }

        Assert.True(expected.Count < scored.WindowProbabilities.Length, "the silent second should leave some windows out");
        Assert.Equal(expected.Count, samples.Count);
        Assert.All(expected.Zip(samples), pair =>
        {
            Assert.Equal(pair.First.Item1, pair.Second.Own, 9);
            Assert.Equal(pair.First.Item2, pair.Second.Column, 9);
        });
    }
}
