using System.CommandLine;
using System.Diagnostics;
using MusicMask.Audio;
using MusicMask.Outputs;
using MusicMask.Embedded;
using MusicMask.Scoring;
using Spectre.Console;

namespace MusicMask.Cli.Commands;

internal static class SegmentCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "audio files or folders (searched recursively for audio files)", Arity = ArgumentArity.OneOrMore };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "folder that receives one result folder per input; it must not be, contain or lie inside an input", Required = true };
        var overwrite = new Option<bool>("--overwrite") { Description = "write results into existing folders that hold files MusicMask did not write (only result files are ever replaced)" };
        var audio = new Option<bool>("--audio") { Description = "also write music.wav and remainder.wav (44.1 kHz mono float; they sum to the input's mono 44.1 kHz mix): the spectrogram under the probability map interpolated to every pixel, less the cells and pixels that burst out of their band's usual level, and the rest" };
        var model = CommonOptions.Model();
        var threads = CommonOptions.Threads();
        var command = new Command("segment", "Segment music vs noise in each input and write probability map, mask, segments, labels and overlay.")
        {
            inputs, output, overwrite, audio, model, threads,
        };
        command.SetAction(parse => Run(parse.GetValue(inputs)!, parse.GetValue(output)!, parse.GetValue(overwrite), parse.GetValue(audio), parse.GetValue(model)!, parse.GetValue(threads)));
        return command;
    }

    private static int Run(string[] inputs, DirectoryInfo output, bool overwrite, bool audio, FileInfo model, int threads)
    {
        if ((InputFiles.MissingInputs(inputs) ?? ResultFolders.ProblemWith(output.FullName, inputs)) is { } refusal)
        {
            Console.Error.WriteLine($"error: {refusal}");
            return 2;
        }

        var files = InputFiles.Expand(inputs);
        if (files.Count == 0)
        {
            Console.Error.WriteLine("no audio files found in the given inputs");
            return 2;
        }

        StripScorer scorer;
        try
        {
            scorer = new StripScorer(model.FullName);
        }
        catch (Exception error) when (error is FileNotFoundException or InvalidDataException)
        {
            Console.Error.WriteLine($"error: {error.Message}");
            return 2;
        }

        using (scorer)
        {
            output.Create();
            var batch = new BatchSegmenter(new Segmenter(scorer, new SegmenterOptions { Threads = threads, Audio = audio }), new ResultFolders(output.FullName, overwrite));
            var failures = AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected
                ? RunWithProgressBars(batch, files)
                : RunQuietly(batch, files);
            var failed = failures == 0 ? "" : $"; {failures} failed (see their error.json)";
            Console.WriteLine($"{files.Count - failures} of {files.Count} files segmented into {output.FullName}{failed}");
            return failures == 0 ? 0 : 1;
        }
    }

    private static int RunQuietly(BatchSegmenter batch, IReadOnlyList<(AudioInput Input, string Name)> files)
    {
        var failures = 0;
        batch.ProcessAll(files, (i, outcome) => failures += Report(outcome, files[i].Name, Console.WriteLine, Console.Error.WriteLine) ? 0 : 1);
        return failures;
    }

    private static int RunWithProgressBars(BatchSegmenter batch, IReadOnlyList<(AudioInput Input, string Name)> files)
    {
        var failures = 0;
        var lines = new List<(string Text, bool IsError)>();
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var tasks = files.Select(f => context.AddTask(Markup.Escape(Printable(f.Name)), autoStart: false, maxValue: 1.0)).ToArray();
                batch.ProcessAll(
                    files,
                    (i, outcome) =>
                    {
                        if (!Report(outcome, files[i].Name, line => lines.Add((line, false)), line => lines.Add((line, true))))
                        {
                            failures++;
                        }

                        Show(tasks[i], 1.0, stop: true);
                    },
                    i => new Progress<double>(p => Show(tasks[i], p, stop: false)));
            });
        foreach (var (text, isError) in lines)
        {
            (isError ? Console.Error : Console.Out).WriteLine(text);
        }

        return failures;
    }

    /// <summary>Progress arrives on other threads, and may arrive after the file's outcome: a stopped bar stays as it is.</summary>
    private static void Show(ProgressTask task, double value, bool stop)
    {
        lock (task)
        {
            if (task.StopTime is not null)
            {
                return;
            }

            if (!task.IsStarted)
            {
                task.StartTask();
            }

            task.Value = value;
            if (stop)
            {
                task.StopTask();
            }
        }
    }

    /// <summary>One line per file (failures and truncations on the error stream); returns whether the file succeeded.</summary>
    private static bool Report(FileOutcome outcome, string name, Action<string> info, Action<string> error)
    {
        var shown = Printable(name);
        if (outcome.Result is { } result)
        {
            var seconds = result.Elapsed.Elapsed.TotalSeconds;
            info($"{shown}: {result.Tiling.DurationSeconds:F1} s of audio in {seconds:F2} s ({result.Tiling.DurationSeconds / seconds:F0}x real time), " +
                 $"{result.Segments.Count(s => s.Label == Segmentation.Segment.Music)} music segments -> {Printable(outcome.Folder!)}");
            if (result.Tiling.Truncation is { } truncation)
            {
                error($"{shown}: warning: {truncation.Describe()} (recorded in its manifest.json)");
            }

            return true;
        }

        var record = outcome.Error!;
        var where = outcome.Folder is { } folder ? $"-> {Path.Combine(folder, ResultFiles.Error)}" : $"({outcome.Unrecorded})";
        error($"{shown}: FAILED ({record.Stage}): {Printable(record.Reason)} {Printable(where)}");
        return false;
    }

    private static string Printable(string text) => Text.PrintableText.Of(text);
}
