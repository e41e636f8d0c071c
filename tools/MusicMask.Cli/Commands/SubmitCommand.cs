using System.CommandLine;
using MusicMask.Jobs;
using MusicMask.Storage;

namespace MusicMask.Cli.Commands;

/// <summary>`musicmask submit`: uploads audio into the audio container, where serve (or Event Grid in Azure) picks it up.</summary>
internal static class SubmitCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "audio files or folders (folders keep their relative paths as blob names)", Arity = ArgumentArity.OneOrMore };
        var prefix = new Option<string>("--prefix") { Description = "blob name prefix, e.g. archive/2026/", DefaultValueFactory = _ => "" };
        var storage = StorageOptions.Storage();
        var command = new Command("submit", "Upload audio files to the audio container for the pipeline to process.") { inputs, prefix, storage };
        command.SetAction((parse, token) => StorageErrors.Guard(async () =>
        {
            if (InputFiles.MissingInputs(parse.GetValue(inputs)!) is { } missing)
            {
                Console.Error.WriteLine($"error: {missing}");
                return 2;
            }

            var files = InputFiles.Expand(parse.GetValue(inputs)!);
            var (blobs, _) = StorageOptions.Open(parse.GetValue(storage)!);
            var failures = 0;
            foreach (var (input, name) in files)
            {
                var blobName = parse.GetValue(prefix) + name;
                try
                {
                    if (input.Problem is { } problem)
                    {
                        throw new IOException(problem);
                    }

                    var info = await blobs.UploadFileAsync(BlobNames.Audio(blobName), input.Path, token).ConfigureAwait(false);
                    Console.WriteLine($"{input.Path} -> {info.Name} (job {JobIds.For(BlobNames.AudioContainer, blobName, info.ETag)})");
                }
                catch (Exception error) when (error is IOException or ArgumentException or UnauthorizedAccessException or Azure.RequestFailedException)
                {
                    Console.Error.WriteLine($"{input.Path}: FAILED: {error.Message}");
                    failures++;
                }
            }

            return failures == 0 ? 0 : 1;
        }));
        return command;
    }
}
