using MusicMask.Cli.Fuzzing;

namespace MusicMask.Pipeline.Tests.Commands;

/// <summary>A short run of the header fuzzer in CI; `musicmask fuzz-wav --cases 100000` is the long one.</summary>
public class WavFuzzerTests
{
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void MutatedHeadersDecodeOrAreRefusedAndNeverThrowAnythingElseOrHang(int seed)
    {
        var report = WavFuzzer.Run(20_000, seed, TimeSpan.FromSeconds(10));

        Assert.Empty(report.UnhandledExamples);
        Assert.Equal(0, report.Hangs);
        Assert.Equal(report.Cases, report.Decoded + report.Refused);
        Assert.InRange(report.Refused, report.Cases / 4, report.Cases - report.Cases / 10);
        Assert.InRange(report.MaxSamplesOfOneCase, 1, 10_000);
    }
}
