using MusicMask.Audio;
using MusicMask.Evaluation;
using MusicMask.Scoring;
using MusicMask.Segmentation;
using MusicMask.Signals;
using MusicMask.Tests.Support;

namespace MusicMask.Tests.Evaluation;

public class BehaviourSurveyTests
{
    private const int Rate = 44_100;

    [Fact]
    public void RowsPerKindAndPackageAddUpAndAGateAtTheMeasuresOwnDepthLeavesNoEmptyCellMarked()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("music"));
        Directory.CreateDirectory(temp.File("field"));
        WavWriter.Write(temp.File("music/pkg-a__one.wav"), SignalGenerator.Melody(3 * Rate, Rate, seed: 1, level: 0.3f), Rate);
        WavWriter.Write(temp.File("music/pkg-a__two.wav"), SignalGenerator.Melody(2 * Rate, Rate, seed: 2, level: 0.3f), Rate);
        WavWriter.Write(temp.File("music/pkg-b__three.wav"), SignalGenerator.Melody(4 * Rate, Rate, seed: 3, level: 0.3f), Rate);
        WavWriter.Write(temp.File("field/loose.wav"), SignalGenerator.WhiteNoise(2 * Rate, seed: 4), Rate);
        using var scorer = new StripScorer(TestModels.RandomModel());

        var report = BehaviourSurvey.Run(scorer, [new KindFolder("music", temp.File("music")), new KindFolder("field", temp.File("field"))], gateBelowLoudest: BehaviourSurvey.EmptyBelowLoudestDecibels);

        Assert.Equal(["music/all", "music/pkg-a", "music/pkg-b", "field/all", "field/(loose files)"], report.Rows.Select(r => $"{r.Kind}/{r.Package}"));
        var music = report.Rows.Where(r => r.Kind == "music").ToArray();
        Assert.Equal(3, music[0].Files);
        Assert.Equal(9.0, music[0].Seconds, 3);
        Assert.Equal(music[0].EmptyCells, music[1].EmptyCells + music[2].EmptyCells);
        Assert.True(music[0].EmptyCells > 0, "a melody leaves its top bands empty");
        Assert.All(report.Rows, r => Assert.Equal(0, r.GatedEmptyCellsMarked));
        Assert.All(report.Rows, r => Assert.InRange(r.GatedMarkedCells, 0, r.MarkedCells));
        Assert.Contains("| music | pkg-b | 1 |", BehaviourSurvey.Markdown(report));
    }

    [Fact]
    public void FilesThatCannotBeDecodedAreSkippedAndListedWhileTheRestAreSurveyed()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("speech"));
        WavWriter.Write(temp.File("speech/pkg__good.wav"), SignalGenerator.Melody(3 * Rate, Rate, seed: 6, level: 0.3f), Rate);
        WavWriter.Write(temp.File("speech/pkg__empty.wav"), [], Rate);
        var whole = File.ReadAllBytes(temp.File("speech/pkg__good.wav"));
        File.WriteAllBytes(temp.File("speech/pkg__cut.wav"), whole[..30]);
        using var scorer = new StripScorer(TestModels.RandomModel());

        var report = BehaviourSurvey.Run(scorer, [new KindFolder("speech", temp.File("speech"))]);

        Assert.Equal([1, 1], report.Rows.Select(r => r.Files));
        Assert.Equal(3.0, report.Rows[0].Seconds, 3);
        Assert.Equal(["pkg__cut.wav", "pkg__empty.wav"], report.Skipped.Select(f => Path.GetFileName(f.Path)).Order());
        Assert.All(report.Skipped, f => Assert.False(string.IsNullOrWhiteSpace(f.Reason)));
        Assert.Contains("pkg__empty.wav", BehaviourSurvey.Markdown(report));
        Assert.Contains("pkg__cut.wav", BehaviourSurvey.Json(report));
    }

    [Fact]
    public void AKindWithNoDecodableFileIsAnError()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("field"));
        WavWriter.Write(temp.File("field/empty.wav"), [], Rate);
        using var scorer = new StripScorer(TestModels.RandomModel());

        var error = Assert.Throws<InvalidDataException>(() => BehaviourSurvey.Run(scorer, [new KindFolder("field", temp.File("field"))]));
        Assert.Contains("no decodable audio files", error.Message);
    }

    [Fact]
    public void TheSegmentsColumnFollowsTheSurveysRules()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("music"));
        WavWriter.Write(temp.File("music/pkg__tune.wav"), SignalGenerator.Melody(6 * Rate, Rate, seed: 5, level: 0.3f), Rate);
        using var scorer = new StripScorer(TestModels.RandomModel());
        KindFolder[] kinds = [new KindFolder("music", temp.File("music"))];

        var paper = BehaviourSurvey.Run(scorer, kinds, rules: SegmentRules.None).Rows[0];
        var nothingIsLongEnough = BehaviourSurvey.Run(scorer, kinds, rules: new SegmentRules(MinimumMusicSeconds: 60, BridgedGapSeconds: 0)).Rows[0];

        Assert.Equal(paper.GatedMusicSeconds, paper.SegmentMusicSeconds, 9);
        Assert.Equal(paper.GatedMusicSeconds, nothingIsLongEnough.GatedMusicSeconds, 9);
        var wholeFileIsMusic = paper.GatedMusicSeconds >= paper.Seconds - 1e-9;
        Assert.Equal(wholeFileIsMusic ? paper.Seconds : 0, nothingIsLongEnough.SegmentMusicSeconds, 9);
    }
}
