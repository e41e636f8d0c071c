using System.CommandLine;
using MusicMask.Jobs;
using MusicMask.Messaging;
using MusicMask.Storage;

namespace MusicMask.Cli.Commands;

/// <summary>`musicmask status`: every job with its state and progress, and the depth of every queue.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var storage = StorageOptions.Storage();
        var command = new Command("status", "List jobs with their progress, and the queues' depths.") { storage };
        command.SetAction((parse, token) => StorageErrors.Guard(async () =>
        {
            var (blobs, queues) = StorageOptions.Open(parse.GetValue(storage)!);
            var report = await JobStatusReport.ReadAsync(blobs, token).ConfigureAwait(false);
            Console.WriteLine($"{"job",-16}  {"status",-9}  {"tiles",11}  name");
            foreach (var job in report)
            {
                Console.WriteLine($"{job.JobId,-16}  {job.Status,-9}  {job.Scored,5}/{(job.Tiles > 0 ? job.Tiles.ToString() : "?"),-5}  {BlobNames.Printable(job.Name)}{(job.Error is null ? "" : $"  ({BlobNames.Printable(job.Error)})")}");
            }

            foreach (var name in new[] { QueueNames.Ingest, QueueNames.Tiles, QueueNames.Aggregation })
            {
                var queue = queues(name);
                var poison = queues(QueueNames.Poison(name));
                Console.WriteLine($"queue {name}: {await queue.ApproximateCountAsync(token).ConfigureAwait(false)} waiting, {await poison.ApproximateCountAsync(token).ConfigureAwait(false)} poisoned");
                foreach (var letter in await poison.PeekAsync(5, token).ConfigureAwait(false))
                {
                    Console.WriteLine($"  poisoned: {letter}");
                }
            }

            return 0;
        }));
        return command;
    }
}
