using MusicMask.Reports;

namespace MusicMask.Tests.Reports;

/// <summary>Where a published report goes, and the prefixes that cannot say where.</summary>
public sealed class ReportPublisherTests
{
    [Theory]
    [InlineData("", "results/report.html")]
    [InlineData("archive", "results/archive/report.html")]
    [InlineData("archive/", "results/archive/report.html")]
    [InlineData("site 1/2026-12/", "results/site 1/2026-12/report.html")]
    public void AReportLiesAtTheTopOfItsPrefix(string prefix, string expected)
    {
        Assert.Null(ReportPublisher.PrefixProblem(prefix));
        Assert.Equal(expected, ReportPublisher.BlobName(prefix));
    }

    [Theory]
    [InlineData("../archive", "'.' or '..' segment")]
    [InlineData("archive/./2026", "'.' or '..' segment")]
    [InlineData("/", "it is empty")]
    [InlineData("/archive", "empty path segment")]
    [InlineData("archive//", "empty path segment")]
    [InlineData("a\u0001b", "control character")]
    public void AMalformedPrefixIsRefusedWithItsReason(string prefix, string reason)
    {
        var problem = ReportPublisher.PrefixProblem(prefix);

        Assert.NotNull(problem);
        Assert.StartsWith("the prefix \"", problem, StringComparison.Ordinal);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
        var error = Assert.Throws<ArgumentException>(() => ReportPublisher.BlobName(prefix));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
