using MusicMask.Evaluation;

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
    public void SolveRefusesWindowsOfOneClass()
    {
        Assert.Throws<ArgumentException>(() => ColumnContextFit.Solve([(1, 1, true), (2, 0, true)], own: 1));
    }
}
