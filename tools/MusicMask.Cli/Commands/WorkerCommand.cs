using System.CommandLine;
using Microsoft.Extensions.Logging;
using MusicMask.Jobs;
using MusicMask.Messaging;
using MusicMask.Scoring;

namespace MusicMask.Cli.Commands;

/// <summary>`musicmask serve` (everything in one process) and `musicmask worker --role` (one stage, for more processes).</summary>
internal static class WorkerCommand
{
    public const string Roles = "ingest|score|aggregate";

    public static Command CreateServe()
    {
        var scan = new Option<TimeSpan>("--scan-interval") { Description = "how often the audio container is scanned for new uploads", DefaultValueFactory = _ => TimeSpan.FromSeconds(2) }.Within(TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1));
        var command = new Command("serve", "Watch the audio container and run ingest, scoring and aggregation until stopped (Ctrl+C).") { scan };
        var common = AddCommon(command);
        command.SetAction((parse, token) =>
            StorageErrors.Guard(() => RunAsync(parse, common, ["watch", "ingest", "score", "aggregate"], parse.GetValue(scan), token)));
        return command;
    }

    public static Command CreateWorker()
    {
        var role = new Option<string>("--role", "-r") { Description = $"which stage to run: {Roles}", Required = true };
        role.AcceptOnlyFromAmong("ingest", "score", "aggregate");
        var command = new Command("worker", "Run one stage's worker against the queues until stopped; start several processes to scale out.") { role };
        var common = AddCommon(command);
        command.Validators.Add(result =>
        {
            // The raw token: GetValue throws for a role outside the accepted ones, which has its own error.
            var chosen = result.GetResult(role)?.Tokens.FirstOrDefault()?.Value;
            if (result.GetValue(common.Audio) && chosen is ("ingest" or "score"))
            {
                result.AddError($"--audio is for --role aggregate, which writes the results: the {chosen} role writes no audio");
            }
        });
        command.SetAction((parse, token) => StorageErrors.Guard(() => RunAsync(parse, common, [parse.GetValue(role)!], TimeSpan.Zero, token)));
        return command;
    }

    private static CommonWorkerOptions AddCommon(Command command)
    {
        var audio = new Option<bool>("--audio") { Description = "the aggregator also writes music.wav and remainder.wav into each result folder, as segment --audio does (serve, and worker --role aggregate only)" };
        var options = new CommonWorkerOptions(StorageOptions.Storage(), CommonOptions.Model(), CommonOptions.Threads(), StorageOptions.VisibilityTimeout(), StorageOptions.MaxDeliveries(), audio);
        command.Options.Add(options.Storage);
        command.Options.Add(options.Model);
        command.Options.Add(options.Threads);
        command.Options.Add(options.VisibilityTimeout);
        command.Options.Add(options.MaxDeliveries);
        command.Options.Add(options.Audio);
        return options;
    }

    private static async Task<int> RunAsync(ParseResult parse, CommonWorkerOptions common, string[] roles, TimeSpan scanInterval, CancellationToken token)
    {
        using var loggers = StorageOptions.Logging();
        var logger = loggers.CreateLogger("musicmask");
        using var stop = StorageOptions.StopOnSignal();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, token);
        var (blobs, queues) = StorageOptions.Open(parse.GetValue(common.Storage)!);
        var threads = Math.Max(1, parse.GetValue(common.Threads));
        var options = new QueueWorkerOptions { VisibilityTimeout = parse.GetValue(common.VisibilityTimeout) };
        var workers = new StageWorkers(blobs, queues, options, new DeliveryOptions { MaxFailures = parse.GetValue(common.MaxDeliveries) }, loggers);
        using var scorer = roles.Contains("score") ? new StripScorer(parse.GetValue(common.Model)!.FullName) : null;
        var running = new List<Task>();
        foreach (var role in roles)
        {
            running.Add(role switch
            {
                "watch" => new AudioWatcher(blobs, queues(QueueNames.Ingest), loggers.CreateLogger<AudioWatcher>()).RunAsync(scanInterval, linked.Token),
                "ingest" => workers.Ingest().RunAsync(linked.Token),
                "score" => workers.Score(scorer!, new QueueWorkerOptions { VisibilityTimeout = options.VisibilityTimeout, Concurrency = threads }).RunAsync(linked.Token),
                _ => workers.Aggregate(new AggregatorOptions { ClaimTimeout = options.VisibilityTimeout, Audio = parse.GetValue(common.Audio), AudioThreads = threads }).RunAsync(linked.Token),
            });
        }

        logger.LogInformation("running {Roles} against {Storage} (pid {Pid}); Ctrl+C stops", string.Join(", ", roles), blobs.Uri, Environment.ProcessId);
        try
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
        }

        return 0;
    }

    private sealed record CommonWorkerOptions(Option<string> Storage, Option<FileInfo> Model, Option<int> Threads, Option<TimeSpan> VisibilityTimeout, Option<int> MaxDeliveries, Option<bool> Audio);
}
