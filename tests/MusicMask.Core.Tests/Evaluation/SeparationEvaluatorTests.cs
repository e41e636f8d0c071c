using MusicMask.Evaluation;
using MusicMask.Scoring;
using MusicMask.Tests.Support;

namespace MusicMask.Tests.Evaluation;

public class SeparationEvaluatorTests
{
    [Fact]
    public void APixelModelWithoutAPixelHeadIsRefusedBeforeAnyFileIsRead()
    {
        using var scorer = new StripScorer(TestModels.RandomModel());
        var evaluator = new SeparationEvaluator(scorer, new SeparationOptions(), pixelScorer: scorer);

        var error = Assert.Throws<ArgumentException>(() => evaluator.Run(["no-such-music.wav"], ["no-such-noise.wav"]));

        Assert.Contains("has no pixel head", error.Message);
        Assert.Contains("--pixel-head", error.Message);
    }
}
