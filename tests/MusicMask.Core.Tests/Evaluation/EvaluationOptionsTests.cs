using MusicMask.Evaluation;

namespace MusicMask.Tests.Evaluation;

public class EvaluationOptionsTests
{
    public static TheoryData<EvaluationOptions, string> Refused => new()
    {
        { new EvaluationOptions { Snrs = [] }, "no conditions" },
        { new EvaluationOptions { Snrs = [null, double.NaN] }, "SNR NaN dB" },
        { new EvaluationOptions { Snrs = [0, -61] }, "SNR -61 dB" },
        { new EvaluationOptions { Snrs = [double.PositiveInfinity] }, "SNR Infinity dB" },
        { new EvaluationOptions { WindowsPerCondition = 0 }, "windows per condition must be at least 1, not 0" },
        { new EvaluationOptions { BootstrapReplicates = -1 }, "bootstrap replicates must be at least 1, not -1" },
        { new EvaluationOptions { ExcerptSeconds = 0.5 }, "excerpts of 0.5 s are shorter than one window (0.752 s)" },
        { new EvaluationOptions { ExcerptSeconds = double.NaN }, "excerpts of NaN s" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void RefusesSettingsNoEvaluationCanRunWith(EvaluationOptions options, string message)
    {
        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void AcceptsTheDefaultsAndTheWidestConditions()
    {
        new EvaluationOptions().Validate();
        new EvaluationOptions { Snrs = [null, -60, 60], WindowsPerCondition = 1, ExcerptSeconds = 0.752 }.Validate();
    }
}
