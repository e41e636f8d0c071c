using System.CommandLine;
using System.Globalization;
using MusicMask.Audio;
using MusicMask.Evaluation;
using MusicMask.Scoring;

namespace MusicMask.Cli.Commands;

internal static class EvalCommand
{
    public static Command Create()
    {
        var music = new Option<DirectoryInfo[]>("--music") { Description = "folders of music recordings the model did not train on (WAV, or any format ffmpeg reads); several are pooled, each then a source of its own in the per-source tables", AllowMultipleArgumentsPerToken = true };
        var noise = new Option<DirectoryInfo[]>("--noise") { Description = "folders of noise recordings the model did not train on (WAV, or any format ffmpeg reads); several are pooled, each then a source of its own in the per-source tables", AllowMultipleArgumentsPerToken = true };
        var behaviour = new Option<string[]>("--behaviour") { Description = "instead of the AUC: KIND=FOLDER pairs (e.g. music=dir speech=dir field=dir); per kind and package, the share of time `segment` calls music and of empty-band cells marked music", AllowMultipleArgumentsPerToken = true };
        var gate = new Option<float>("--gate-db") { Description = "with --behaviour: the empty-cell gate's distance under the loudest cell of a column, in dB", DefaultValueFactory = _ => Segmentation.EmptyCells.BelowLoudestDecibels }.Within(1f, 200f);
        var minimumMusic = new Option<double>("--minimum-music-seconds") { Description = "with --behaviour: music runs shorter than this are noise in the segments column", DefaultValueFactory = _ => Segmentation.SegmentRules.Default.MinimumMusicSeconds }.Within(0.0, 3600.0);
        var bridgedGap = new Option<double>("--bridged-gap-seconds") { Description = "with --behaviour: noise gaps shorter than this between music runs are music in the segments column", DefaultValueFactory = _ => Segmentation.SegmentRules.Default.BridgedGapSeconds }.Within(0.0, 3600.0);
        var snr = new Option<string>("--snr") { Description = "conditions: 'clean' and/or SNRs in dB", DefaultValueFactory = _ => "clean,10,5,0,-5,-10" };
        var windows = new Option<int>("--windows") { Description = "labelled windows per condition", DefaultValueFactory = _ => 60_000 };
        var seed = new Option<int>("--seed") { Description = "seed for excerpt choice", DefaultValueFactory = _ => 1 };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "folder for auc.md, auc.json and roc.png", Required = true };
        var model = CommonOptions.Model();
        var separation = new Option<bool>("--separation") { Description = "instead of the AUC: mix music and noise at each --snr and measure the SI-SDR improvement of music.wav under the 16x16 map, the level-gated map, the level- and pixel-gated mask `segment --audio` uses, the map cubed, a sharpened map, a tonal refinement and two ideal masks (separation.md, separation.json)" };
        var excerpts = new Option<int>("--excerpts") { Description = "with --separation: excerpt pairs per SNR", DefaultValueFactory = _ => 40 };
        var excerptSeconds = new Option<double>("--excerpt-seconds") { Description = "with --separation: length of each excerpt", DefaultValueFactory = _ => 6 };
        var noiseMinimum = new Option<double>("--noise-min-seconds") { Description = "with --separation: only noise files at least this long (0: all; short sound effects end in silence, which the level gate favours)", DefaultValueFactory = _ => 0 };
        var iterations = new Option<int>("--sharpen-iterations") { Description = "with --separation: Richardson-Lucy iterations of the sharpened map", DefaultValueFactory = _ => Segmentation.WindowDeconvolution.DefaultIterations };
        var pixelGate = new Option<float>("--pixel-gate-db") { Description = "with --separation: how far above its 2-bin band's median level a pixel may stand before the pixel-gated mask scales it down, in dB", DefaultValueFactory = _ => Separation.PixelGatedMask.AboveMedianDecibels }.Within(0f, 60f);
        var pixelModel = new Option<FileInfo?>("--pixel-model") { Description = "with --separation: a model with a pixel head (musicmask-train --pixel-head); adds its per-pixel probability alone, under the level and pixel gates, and times the shipped mask" };
        var centreModel = new Option<FileInfo?>("--centre-model") { Description = "with --separation: a model trained on window centres (musicmask-train --centre-targets); adds its map, stitched from the windows centred on each cell, alone and under the level and pixel gates" };
        var baseline = new Option<FileInfo?>("--baseline") { Description = "a second model scored on the same windows; the table gives the AUC difference with a paired 95% interval" };
        var command = new Command("eval", "Measure window-level ROC AUC per SNR and cell-mask IoU on held-out music and noise (the paper's Figure 2).")
        {
            music, noise, behaviour, gate, minimumMusic, bridgedGap, snr, windows, seed, output, model, baseline, separation, excerpts, excerptSeconds, noiseMinimum, iterations, pixelGate, centreModel, pixelModel,
        };
        command.SetAction(parse =>
        {
            try
            {
                if (parse.GetValue(behaviour) is { Length: > 0 } kinds)
                {
                    return Behaviour(kinds, parse.GetValue(gate), new Segmentation.SegmentRules(parse.GetValue(minimumMusic), parse.GetValue(bridgedGap)), parse.GetValue(model)!, parse.GetValue(output)!);
                }

                if (parse.GetValue(music) is not { Length: > 0 } || parse.GetValue(noise) is not { Length: > 0 })
                {
                    throw new ArgumentException("--music and --noise are required, unless --behaviour is given");
                }

                if (parse.GetValue(separation))
                {
                    var separationOptions = new SeparationOptions
                    {
                        Snrs = ParseSnrs(parse.GetValue(snr)!).Select(db => db ?? throw new ArgumentException("--separation: 'clean' has no noise to remove; give SNRs in dB")).ToArray(),
                        ExcerptsPerCondition = parse.GetValue(excerpts),
                        ExcerptSeconds = parse.GetValue(excerptSeconds),
                        Seed = parse.GetValue(seed),
                        SharpenIterations = parse.GetValue(iterations),
                        PixelGateDecibels = parse.GetValue(pixelGate),
                    };
                    var (musicList, noiseList) = (AudioFilesIn(parse.GetValue(music)!), AudioFilesIn(parse.GetValue(noise)!));
                    if (parse.GetValue(noiseMinimum) is > 0 and var shortest)
                    {
                        noiseList = noiseList.Where(file => ExcerptReader.Seconds(file) >= shortest).ToArray();
                    }

                    using var separationScorer = new StripScorer(parse.GetValue(model)!.FullName);
                    using var centreScorer = parse.GetValue(centreModel) is { } centreFile ? new StripScorer(centreFile.FullName) : null;
                    using var pixelScorer = parse.GetValue(pixelModel) is { } pixelFile ? new StripScorer(pixelFile.FullName) : null;
                    var separationReport = new SeparationEvaluator(separationScorer, separationOptions, centreScorer, pixelScorer).Run(musicList, noiseList, new Progress<string>(Console.WriteLine));
                    SeparationWriter.Write(separationReport, parse.GetValue(output)!.FullName);
                    Console.Write(SeparationWriter.Markdown(separationReport));
                    Console.WriteLine($"wrote separation.md and separation.json to {parse.GetValue(output)!.FullName}");
                    return 0;
                }

                var options = new EvaluationOptions
                {
                    Snrs = ParseSnrs(parse.GetValue(snr)!),
                    WindowsPerCondition = parse.GetValue(windows),
                    Seed = parse.GetValue(seed),
                };
                var (musicFiles, noiseFiles) = (AudioFilesIn(parse.GetValue(music)!), AudioFilesIn(parse.GetValue(noise)!));
                using var scorer = new StripScorer(parse.GetValue(model)!.FullName);
                using var baselineScorer = parse.GetValue(baseline) is { } file ? new StripScorer(file.FullName) : null;
                var report = new Evaluator(scorer, options, baselineScorer).Run(musicFiles, noiseFiles, new Progress<string>(Console.WriteLine));
                var folder = parse.GetValue(output)!.FullName;
                EvaluationWriter.Write(report, folder);
                Console.Write(EvaluationWriter.Markdown(report));
                Console.WriteLine($"wrote auc.md, auc.json and roc.png to {folder}");
                return 0;
            }
            catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException or InvalidDataException or ArgumentException)
            {
                // A missing or foreign model, a missing folder, a bad --snr or an empty folder: said in one line.
                Console.Error.WriteLine($"error: {error.Message}");
                return 2;
            }
        });
        return command;
    }

    private static int Behaviour(string[] pairs, float gate, Segmentation.SegmentRules rules, FileInfo model, DirectoryInfo output)
    {
        var kinds = pairs.Select(pair => pair.Split('=', 2) is [{ Length: > 0 } kind, { Length: > 0 } folder]
            ? Directory.Exists(folder) ? new KindFolder(kind, folder) : throw new DirectoryNotFoundException($"--behaviour {kind}: no such folder: {folder}")
            : throw new ArgumentException($"--behaviour takes KIND=FOLDER pairs, not '{pair}'")).ToArray();
        using var scorer = new StripScorer(model.FullName);
        var report = BehaviourSurvey.Run(scorer, kinds, gate, rules, new Progress<string>(Console.Error.WriteLine));
        Directory.CreateDirectory(output.FullName);
        File.WriteAllText(Path.Combine(output.FullName, "behaviour.md"), BehaviourSurvey.Markdown(report));
        File.WriteAllText(Path.Combine(output.FullName, "behaviour.json"), BehaviourSurvey.Json(report));
        Console.Write(BehaviourSurvey.Markdown(report));
        Console.WriteLine($"wrote behaviour.md and behaviour.json to {output.FullName}");
        return 0;
    }

    private static IReadOnlyList<double?> ParseSnrs(string text) => text
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(part => part.Equals("clean", StringComparison.OrdinalIgnoreCase)
            ? (double?)null
            : double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var db) ? db : throw new ArgumentException($"--snr: '{part}' is neither 'clean' nor a number"))
        .ToArray();

    private static IReadOnlyList<string> AudioFilesIn(DirectoryInfo[] folders)
    {
        if (folders.FirstOrDefault(folder => !folder.Exists) is { } missing)
        {
            throw new DirectoryNotFoundException($"no such folder: {missing.FullName}");
        }

        return folders.SelectMany(folder => AudioFiles.In(folder.FullName)).Distinct().ToArray();
    }
}
