using System.CommandLine;
using MusicMask.Cli.Commands;

namespace MusicMask.Pipeline.Tests.Commands;

public class OptionRangeTests
{
    private static readonly RootCommand Root = new()
    {
        SegmentCommand.Create(), SampleCommand.Create(), BenchCommand.Create(), PipelineBenchCommand.Create(),
        WorkerCommand.CreateServe(), WorkerCommand.CreateWorker(),
    };

    [Theory]
    [InlineData("--threads must be from 1 to 256, not 0", "segment", "a.wav", "-o", "out", "-t", "0")]
    [InlineData("--threads must be from 1 to 256, not 100000", "segment", "a.wav", "-o", "out", "-t", "100000")]
    [InlineData("--seconds must be from 1 to 3600, not -4", "sample", "a.wav", "--seconds", "-4")]
    [InlineData("--minutes must be from 0.1 to 60, not NaN", "bench", "--minutes", "nan")]
    [InlineData("--long-hours must be from 0 to 100, not -1", "bench", "--long-hours", "-1")]
    [InlineData("--files must be from 0 to 100000, not -5", "bench", "--files", "-5")]
    [InlineData("--seconds must be from 0.01 to 3600, not 0", "bench", "--files", "10", "--seconds", "0")]
    [InlineData("--workers must be from 1 to 64, not 0", "bench-pipeline", "--workers", "1", "0", "2")]
    [InlineData("--scan-interval must be from 00:00:00.1000000 to 01:00:00, not 00:00:00", "serve", "--scan-interval", "0:00:00")]
    [InlineData("--max-deliveries must be from 1 to 1000, not 0", "serve", "--max-deliveries", "0")]
    [InlineData("--visibility-timeout must be from 00:00:01 to 7.00:00:00, not -00:01:00", "serve", "--visibility-timeout", "-0:01:00")]
    public void AValueOutOfRangeIsAParseErrorThatSaysTheRange(string message, params string[] args)
    {
        var errors = Root.Parse(args).Errors.Select(e => e.Message);

        Assert.Equal([message], errors);
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("score")]
    public void AudioOutputsOnAWorkerThatWritesNoResultsIsAParseError(string role)
    {
        var errors = Root.Parse(["worker", "--role", role, "--audio"]).Errors.Select(e => e.Message);

        Assert.Equal([$"--audio is for --role aggregate, which writes the results: the {role} role writes no audio"], errors);
    }

    [Fact]
    public void AnUnknownRoleWithAudioOutputsGetsOneErrorThatListsTheRoles()
    {
        var errors = Root.Parse(["worker", "--role", "foo", "--audio"]).Errors.Select(e => e.Message).ToArray();

        Assert.Single(errors);
        Assert.Contains("aggregate", errors[0]);
    }

    [Fact]
    public void AudioOutputsParseForTheAggregatorAndServe()
    {
        Assert.Empty(Root.Parse(["worker", "--role", "aggregate", "--audio"]).Errors);
        Assert.Empty(Root.Parse(["serve", "--audio"]).Errors);
        Assert.Empty(Root.Parse(["worker", "--role", "score"]).Errors);
    }

    [Fact]
    public void ValuesInRangeParseCleanly()
    {
        Assert.Empty(Root.Parse(["segment", "a.wav", "-o", "out", "-t", "2"]).Errors);
        Assert.Empty(Root.Parse(["bench", "--minutes", "0.5", "--long-hours", "0"]).Errors);
        Assert.Empty(Root.Parse(["bench", "--files", "5000", "--seconds", "5"]).Errors);
        Assert.Empty(Root.Parse(["bench-pipeline", "--workers", "1", "2", "4"]).Errors);
    }
}
