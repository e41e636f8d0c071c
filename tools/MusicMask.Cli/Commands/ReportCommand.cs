using System.CommandLine;
using MusicMask.Reports;
using MusicMask.Storage;

namespace MusicMask.Cli.Commands;

/// <summary>
/// `musicmask report`: one HTML page over a results folder of `segment`, or over the results container the pipeline
/// writes (--storage), to a file (-o) or into the container beside the results (--publish).
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var results = new Argument<DirectoryInfo?>("results") { Description = "results folder written by segment (without it: the results container of --storage)", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "HTML file to write" };
        var storage = StorageOptions.Storage();
        var prefix = new Option<string>("--prefix") { Description = "with --storage: only the results under results/PREFIX, e.g. archive/", DefaultValueFactory = _ => "" };
        var publish = new Option<bool>("--publish") { Description = $"with --storage: write the report to results/PREFIX{ReportPublisher.FileName}, beside the results its links open" };
        var command = new Command("report", "Write one self-contained HTML page over a set of results: totals, and per file its music, mask over time, overlay link and error.")
        {
            results, output, storage, prefix, publish,
        };
        command.SetAction((parse, token) => StorageErrors.Guard(async () =>
        {
            var folder = parse.GetValue(results);
            var file = parse.GetValue(output);
            var fromStorage = folder is null;
            if ((Refusal(folder, file, parse.GetValue(publish), parse.GetResult(storage) is { Implicit: false } || parse.GetValue(prefix) != "")
                ?? ReportPublisher.PrefixProblem(parse.GetValue(prefix)!)) is { } refusal)
            {
                await Console.Error.WriteLineAsync($"error: {refusal}").ConfigureAwait(false);
                return 2;
            }

            if (fromStorage)
            {
                return await FromStorageAsync(parse.GetValue(storage)!, parse.GetValue(prefix)!, file, parse.GetValue(publish), token).ConfigureAwait(false);
            }

            var report = await ResultReportReader.ReadAsync(new FolderResultSource(folder!.FullName), token).ConfigureAwait(false);
            var html = ReportPage.RenderUtf8(report, ReportLinks.BaseFor(file!.FullName, folder.FullName));
            await WriteFileAsync(file, html, token).ConfigureAwait(false);
            Announce(report.Totals, file.FullName, html);
            return 0;
        }));
        return command;
    }

    private static string? Refusal(DirectoryInfo? folder, FileInfo? file, bool publish, bool storageOptions)
    {
        if (folder is not null)
        {
            return !folder.Exists ? $"the results folder {folder.FullName} does not exist"
                : storageOptions || publish ? "give a results folder or --storage (with --prefix, --publish), not both"
                : file is null ? "say where the report goes with -o FILE"
                : Directory.Exists(file.FullName) ? $"the output {file.FullName} is a folder, not a file"
                : null;
        }

        return file is null && !publish ? "say where the report goes: -o FILE, --publish (into the results container), or both"
            : file is not null && Directory.Exists(file.FullName) ? $"the output {file.FullName} is a folder, not a file"
            : null;
    }

    private static async Task<int> FromStorageAsync(string connection, string prefix, FileInfo? file, bool publish, CancellationToken token)
    {
        var publisher = new ReportPublisher(StorageConnection.Create(connection).CreateBlobStore());
        // Links are relative to results/PREFIX, where --publish puts the page; a copy written with -o opens them
        // once it lies at the top of a download of those results.
        var rendered = await publisher.RenderAsync(prefix, token).ConfigureAwait(false);
        if (file is not null)
        {
            await WriteFileAsync(file, rendered.Html, token).ConfigureAwait(false);
            Announce(rendered.Report.Totals, file.FullName, rendered.Html);
        }

        if (publish)
        {
            await publisher.PublishAsync(rendered, token).ConfigureAwait(false);
            Announce(rendered.Report.Totals, rendered.BlobName, rendered.Html);
        }

        return 0;
    }

    private static async Task WriteFileAsync(FileInfo file, byte[] html, CancellationToken token)
    {
        file.Directory?.Create();
        await File.WriteAllBytesAsync(file.FullName, html, token).ConfigureAwait(false);
    }

    private static void Announce(ReportTotals totals, string where, byte[] html) => Console.WriteLine(
        $"report of {totals.Files} files ({totals.Failures} failed, {totals.AudioSeconds / 3600:F2} h of audio, {totals.MusicSeconds / 3600:F2} h of music) -> {where} ({html.Length / 1024.0:F0} KB)");
}
