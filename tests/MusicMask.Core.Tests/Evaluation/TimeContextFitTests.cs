using MusicMask.Evaluation;
using MusicMask.Scoring;
using MusicMask.Segmentation;

namespace MusicMask.Tests.Evaluation;

public class TimeContextFitTests
{
    [Fact]
    public void EachSoundingWindowIsASampleWithItsColumnMeanAndTheMeanAroundIt()
    {
        const int columns = 3;
        var grid = new WindowGrid(WindowGrid.WindowWidth + 2 * WindowGrid.Stride);
        var logits = Enumerable.Range(0, WindowGrid.BandPositions * columns).Select(i => (i % 7) - 3.0).ToArray();
        var probabilities = logits.Select(logit => (float)ColumnContext.Sigmoid(logit)).ToArray();
        var decibels = Enumerable.Repeat(-40f, probabilities.Length).ToArray();
        decibels[0] = -80;           // under eval's silence: no sample, but still in its column's mean
        probabilities[columns] = 0;   // gated: neither a sample nor in a mean
        var signal = new ScoredSignal(grid, probabilities, decibels, ProbabilityMapBuilder.Stitch(grid, probabilities));

        var samples = TimeContextFit.Samples(signal, music: true, silentWindowDecibels: -75, radius: 1).ToList();

        double ColumnMean(int column) => Enumerable.Range(0, WindowGrid.BandPositions).Select(b => b * columns + column)
            .Where(i => probabilities[i] > 0).Average(i => ColumnContext.Logit(probabilities[i]));
        var means = Enumerable.Range(0, columns).Select(ColumnMean).ToArray();
        var soundingShare = new[] { 2 / 3.0, 1, 2 / 3.0 };
        var around = new[] { (means[0] + means[1]) / 3, means.Average(), (means[1] + means[2]) / 3 };
        var expected = Enumerable.Range(0, probabilities.Length).Where(i => i != 0 && i != columns)
            .Select(i => (Offset: ColumnContext.Logit(probabilities[i]), Column: soundingShare[i % columns] * means[i % columns], Around: around[i % columns])).ToList();
        Assert.Equal(columns, grid.WindowColumns);
        Assert.Equal(expected.Count, samples.Count);
        Assert.All(expected.Zip(samples), pair =>
        {
            Assert.Equal(pair.First.Offset, pair.Second.Offset, 9);
            Assert.Equal([pair.First.Column, pair.First.Around], pair.Second.Features, (a, b) => Math.Abs(a - b) < 1e-9);
            Assert.True(pair.Second.Music);
        });
    }
}
