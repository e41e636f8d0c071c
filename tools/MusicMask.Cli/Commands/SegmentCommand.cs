using System.CommandLine;
using System.Diagnostics;
using MusicMask.Audio;
using MusicMask.Outputs;
using MusicMask.Pipeline;
using MusicMask.Scoring;
using Spectre.Console;

namespace MusicMask.Cli.Commands;

internal static class SegmentCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "audio files or folders (searched recursively for audio files)", Arity = ArgumentArity.OneOrMore };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "folder that receives one result folder per input", Required = true };
        var model = CommonOptions.Model();
        var threads = CommonOptions.Threads();
        var command = new Command("segment", "Segment music vs noise in each input and write probability map, mask, segments, labels and overlay.")
        {
            inputs, output, model, threads,
        };
        command.SetAction(parse => Run(parse.GetValue(inputs)!, parse.GetValue(output)!, parse.GetValue(model)!, parse.GetValue(threads)));
        return command;
    }

    private static int Run(string[] inputs, DirectoryInfo output, FileInfo model, int threads)
    {
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
            var segmenter = new Segmenter(scorer, new SegmenterOptions { Threads = threads });
            var failures = AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected
                ? RunWithProgressBars(segmenter, files, output.FullName)
                : files.Count(file => !Process(segmenter, file, output.FullName, null, Console.WriteLine));
            Console.WriteLine($"{files.Count - failures} of {files.Count} files segmented into {output.FullName}");
            return failures == 0 ? 0 : 1;
        }
    }

    private static int RunWithProgressBars(Segmenter segmenter, IReadOnlyList<(string Path, string Name)> files, string root)
    {
        var failures = 0;
        var messages = new List<string>();
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var tasks = files.Select(f => context.AddTask(Markup.Escape(f.Name), autoStart: false, maxValue: 1.0)).ToArray();
                for (var i = 0; i < files.Count; i++)
                {
                    tasks[i].StartTask();
                    var task = tasks[i];
                    if (!Process(segmenter, files[i], root, new Progress<double>(p => task.Value = p), messages.Add))
                    {
                        failures++;
                    }

                    task.Value = 1.0;
                    task.StopTask();
                }
            });
        messages.ForEach(m => AnsiConsole.WriteLine(m));
        return failures;
    }

    /// <summary>Segments one file and publishes its results or its error record; returns false on failure.</summary>
    private static bool Process(Segmenter segmenter, (string Path, string Name) file, string root, IProgress<double>? progress, Action<string> report)
    {
        var stage = "decode";
        try
        {
            var watch = Stopwatch.StartNew();
            var result = segmenter.Run(file.Path, progress);
            stage = "outputs";
            var folder = ResultDirectory.Publish(root, file.Name, result.RenderFiles(segmenter.Model));
            var speed = result.Tiling.DurationSeconds / watch.Elapsed.TotalSeconds;
            report($"{file.Name}: {result.Tiling.DurationSeconds:F1} s of audio in {watch.Elapsed.TotalSeconds:F2} s ({speed:F0}x real time), " +
                   $"{result.Segments.Count(s => s.Label == "music")} music segments -> {folder}");
            return true;
        }
        catch (Exception error) when (error is AudioFormatException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            var record = new ErrorRecord(file.Path, stage, error.Message, DateTimeOffset.UtcNow);
            var folder = ResultDirectory.PublishError(root, file.Name, record);
            report($"{file.Name}: FAILED ({stage}): {error.Message} -> {Path.Combine(folder, ResultFiles.Error)}");
            return false;
        }
    }
}
