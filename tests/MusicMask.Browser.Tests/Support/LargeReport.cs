using System.Diagnostics;
using MusicMask.Audio;
using MusicMask.Outputs;
using MusicMask.Embedded;
using MusicMask.Reports;
using MusicMask.Scoring;
using MusicMask.Signals;
using MusicMask.Tests.Support;
using OpenQA.Selenium.Chrome;

namespace MusicMask.Browser.Tests.Support;

/// <summary>
/// A report of <see cref="Files"/> files written by `musicmask report`'s own code: a few segmented for real from
/// generated audio (their overlays are the ones links are checked against; one fails to decode), the rest
/// synthetic result folders. The report lies beside results/, and one Chromium serves all the tests of a class.
/// </summary>
public sealed class LargeReport : IDisposable
{
    public const int Files = 10_000;
    public const string ScriptName = "<script>alert(1)</script>.wav";
    public const string AwkwardName = "a #1 & b?%.wav";
    public const string MarkupName = "\"><img src=x onerror=alert(2)>.wav";
    public static readonly string[] RealNames = [ScriptName, AwkwardName, "melody.wav"];

    private readonly TempDirectory _temp = new();
    private readonly Lazy<ChromeDriver> _browser;

    public LargeReport()
    {
        SegmentForReal();
        var synthetic = Enumerable.Range(0, Files - RealNames.Length - 2).Select(i => $"site-{i % 25:D2}/day {i % 7}/recording-{i:D5}.wav").Append(MarkupName);
        SyntheticResults.Write(Results, synthetic, seed: 34);

        var clock = Stopwatch.StartNew();
        Report = ResultReportReader.ReadAsync(new FolderResultSource(Results)).GetAwaiter().GetResult();
        ReadTime = clock.Elapsed;
        var html = ReportPage.RenderUtf8(Report, ReportLinks.BaseFor(ReportFile, Results));
        File.WriteAllBytes(ReportFile, html);
        _browser = new Lazy<ChromeDriver>(StartBrowser);
    }

    public string Results => _temp.File("results");

    public string ReportFile => _temp.File("report.html");

    public ResultReport Report { get; }

    public TimeSpan ReadTime { get; }

    public long HtmlBytes => new FileInfo(ReportFile).Length;

    public ChromeDriver Browser => _browser.Value;

    public void Dispose()
    {
        if (_browser.IsValueCreated)
        {
            _browser.Value.Quit();
        }

        _temp.Dispose();
    }

    private void SegmentForReal()
    {
        var audio = _temp.File("audio");
        using var scorer = new StripScorer(TestModels.RandomModel());
        var batch = new BatchSegmenter(new Segmenter(scorer, new SegmenterOptions { Threads = 2 }), new ResultFolders(Results));
        for (var i = 0; i < RealNames.Length; i++)
        {
            var path = Path.Combine(audio, $"{i}.wav");
            Directory.CreateDirectory(audio);
            const int rate = 44_100;
            WavWriter.Write(path, SignalGenerator.Mix(SignalGenerator.Melody(8 * rate, rate, seed: i), SignalGenerator.WhiteNoise(8 * rate, seed: i + 10), 3), rate);
            batch.Process(new AudioInput(path, RealNames[i]), RealNames[i]);
        }

        File.WriteAllText(Path.Combine(audio, "broken.wav"), "not audio");
        batch.Process(new AudioInput(Path.Combine(audio, "broken.wav"), "broken.wav"), "broken.wav");
    }

    private ChromeDriver StartBrowser()
    {
        var browser = Chromium.Start(_temp.File("profile"));
        // Every alert the page might raise is recorded instead of shown, before any of the page's own script runs.
        browser.ExecuteCdpCommand("Page.addScriptToEvaluateOnNewDocument", new Dictionary<string, object?>
        {
            ["source"] = "window.__alerts = []; window.alert = message => window.__alerts.push(String(message));",
        });
        return browser;
    }
}
