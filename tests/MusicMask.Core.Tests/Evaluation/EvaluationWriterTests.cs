using MusicMask.Evaluation;

namespace MusicMask.Tests.Evaluation;

public class EvaluationWriterTests
{
    [Fact]
    public void EveryConditionsCurveHasItsOwnColourAndItsDotTheCurvesColour()
    {
        string[] names = ["clean", "+10 dB", "+5 dB", "0 dB", "-5 dB", "-10 dB"];
        var random = new Random(1);
        var conditions = names.Select((name, i) =>
        {
            var positive = Enumerable.Range(0, 200).Select(n => n % 2 == 0).ToArray();
            var scores = positive.Select(p => (float)((p ? 0.6 - 0.05 * i : 0.4) + 0.3 * random.NextDouble())).ToArray();
            return new ConditionResult(name, null, RocCurve.Compute(scores, positive), null, 10, [], [], [], new ColumnRates(0.5, 0.5), new Interval(0, 1));
        }).ToList();
        var report = new EvaluationReport("model.onnx", 1, 3, conditions, [], []);

        using var plot = EvaluationWriter.RocPlot(report);

        var curves = plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().ToArray();
        var dots = plot.GetPlottables().OfType<ScottPlot.Plottables.Marker>().ToArray();
        Assert.Equal(names.Length, curves.Length);
        Assert.Equal(names.Length, curves.Select(c => c.Color).Distinct().Count());
        Assert.Equal(curves.Select(c => c.Color), dots.Select(d => d.Color));
        Assert.Equal(names.Select(n => n + " ("), curves.Select(c => c.LegendText[..(c.LegendText.IndexOf('(') + 1)]));
    }
}
