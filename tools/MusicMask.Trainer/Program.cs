using System.CommandLine;
using MusicMask.Training.Data;
using MusicMask.Training.Data.Singing;
using MusicMask.Training.Modeling;
using MusicMask.Training.Native;

TorchRuntime.Prepare();
var data = new Option<DirectoryInfo>("--data") { Description = "folder made by scripts/prepare-data.sh", DefaultValueFactory = _ => new DirectoryInfo("data") };
var run = new Option<DirectoryInfo>("--run") { Description = "folder for checkpoints and the training log", DefaultValueFactory = _ => new DirectoryInfo("runs/v1") };
// No default under models/: the shipped model is replaced only when it is named.
var output = new Option<FileInfo>("--output", "-o") { Description = "where to write the ONNX model (default: RUN/model.onnx; for blend, blend-T.onnx beside TO; for context and time-context, MODEL-context.onnx and MODEL-time.onnx beside MODEL)" };
var minutes = new Option<double>("--minutes") { Description = "training time budget", DefaultValueFactory = _ => 40 };
var steps = new Option<int?>("--max-steps") { Description = "stop after this many steps" };
var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
var threads = new Option<int>("--threads") { DefaultValueFactory = _ => Environment.ProcessorCount };
var resume = new Option<bool>("--resume") { Description = "continue from the run folder's checkpoint" };
var init = new Option<FileInfo>("--init") { Description = "start a new run from these weights: a checkpoint file of an earlier run, or an exported .onnx model (batch norms start as the identity)" };
init.AcceptExistingOnly();
var optimizer = new Option<string?>("--optimizer") { Description = "sgd (momentum 0.9) or adam (AdamW); default sgd, and adam for --pixel-head, which trains with nothing else" };
optimizer.AcceptOnlyFromAmong("sgd", "adam");
var rate = new Option<double?>("--learning-rate") { Description = "peak learning rate (default 0.05 for sgd, 0.001 for adam)" };
var snapshots = new Option<int?>("--snapshot-every") { Description = "also keep the weights every this many steps (a multiple of the 100-step epoch) as RUN/snapshot-STEP.bin" };
var zeroSum = new Option<bool>("--zero-sum-first-layer") { Description = "keep every first-layer kernel summing to zero, so the model cannot read loudness (a gain is a constant in dB)" };
var loudest = StripSampler.DefaultLevelDbfs.Highest;
var lowestLevel = new Option<double>("--lowest-level") { Description = $"quietest training strip level, dBFS RMS (the loudest is {loudest})", DefaultValueFactory = _ => StripSampler.DefaultLevelDbfs.Lowest };
var silenceGaps = new Option<double>("--silence-gaps") { Description = "chance that a training strip has a stretch of digital silence cut into it (0 to 1)" };
var machineHum = new Option<double>("--machine-hum") { Description = "chance that a training noise strip is a synthetic machine hum: mains, avionics, engines (0 to 1)" };
var syntheticMusic = new Option<double>("--synthetic-music") { Description = "chance that a training music source is a synthetic melody of moving harmonic notes, the counterpart of --machine-hum (0 to 1)" };
var sungMusic = new Option<double>("--sung-music") { Description = "chance that a training music source is sung (train/sung, made by scripts/make-singing.sh), alone or over instrumental music: a voice that sings is music (0 to 1)" };
var spectralMasks = new Option<double>("--spectral-masks") { Description = $"chance that a training strip has two bands of up to {StripSampler.MaskedBins} bins and two stretches of up to {StripSampler.MaskedFrames} frames held at their rows' mean (SpecAugment's masks; 0 to 1)" };
var reverb = new Option<double>("--reverb") { Description = "chance that a training music or noise source is heard in a synthetic room: a noise tail falling 60 dB in 0.2-1.5 s (0 to 1)" };
var steadyTones = new Option<double>("--steady-tones") { Description = "chance that a training noise strip is a synthetic steady tone: one to three pure sines that hold their pitch, as line-up tones and whines (0 to 1)" };
var singleVoices = new Option<double>("--single-voices") { Description = "chance that a training speech strip is one talker instead of a babble of 4-8 (0 to 1): a voice that talks is noise" };
var threshold = new Option<double?>("--decision-threshold")
{
    Description = "music probability that the exported model maps to 0.5, the mask's threshold (choose it on the validation split: `musicmask eval` prints the balanced one); the ranking of windows is unchanged",
};
var hidden = new Option<int>("--hidden") { Description = "units of the dense layer (more than a starting model's: the extra units start silent; blend and average need the run's value)", DefaultValueFactory = _ => NetworkWidth.Contract.Hidden };
var maps = new Option<int>("--maps") { Description = $"feature maps per convolution, a multiple of {NetworkWidth.MapGroup}; the contract's is {NetworkWidth.Contract.Maps}, more makes a research network (extra maps start silent; blend and average need the run's value)", DefaultValueFactory = _ => NetworkWidth.Contract.Maps };
var teacher = new Option<FileInfo>("--teacher") { Description = "an exported model (e.g. a wider --maps run's) whose probabilities the run also learns from: knowledge distillation" };
teacher.AcceptExistingOnly();
var teacherWeight = new Option<double>("--teacher-weight") { Description = "share of the teacher's term in the loss (0 to 1)", DefaultValueFactory = _ => 0.5 };
var dropout = new Option<double>("--dropout") { Description = "dropout before and after the dense layer while training (0 to 1)", DefaultValueFactory = _ => MusicMaskNet.DefaultDropout };
var inaudible = new Option<double>("--inaudible-music") { Description = "mixture windows whose music lies more than this many dB below the noise are left unlabelled", DefaultValueFactory = _ => StripSampler.DefaultInaudibleMusicDecibels };
var centreTargets = new Option<bool>("--centre-targets") { Description = "label each window by what is audible in its central 2x2 cells (music where the music's power there exceeds the noise's), half the strips mixtures: a network for a finer map, not the paper's window classifier" };
var freezeFeatures = new Option<bool>("--freeze-features") { Description = "train only the dense layer and the classifier on the starting model's fixed convolutions: a second head for the same features" };
var pixelHead = new Option<bool>("--pixel-head") { Description = "train a per-pixel readout of the fixed network given with --init (its window scores unchanged), with AdamW, on the music's share of each pixel's power in mixtures; eval --separation --pixel-model measures it" };
var pixelHeadNetwork = new Option<bool>("--pixel-head-trains-network") { Description = "with --pixel-head: the network's convolutions and dense layer learn from the pixel loss too (a research model: its window scores change)" };
var emphasis = new Option<FileInfo>("--emphasis") { Description = "a clip error survey (the mine command's output): clips a model got wrong are drawn more often" };
emphasis.AcceptExistingOnly();
var emphasisStrength = new Option<double>("--emphasis-strength") { Description = "a clip is drawn 1 + this x its error share as often", DefaultValueFactory = _ => 3 };
var root = new RootCommand("Trains the MusicMask CNN on prepared recordings and exports it as ONNX.")
{
    data, run, output, minutes, steps, seed, threads, resume, init, optimizer, rate, snapshots, zeroSum, lowestLevel, silenceGaps, machineHum, syntheticMusic, sungMusic, steadyTones, singleVoices, reverb, spectralMasks, inaudible, maps, hidden, teacher, teacherWeight, dropout, threshold, emphasis, emphasisStrength, centreTargets, freezeFeatures, pixelHead, pixelHeadNetwork,
};
static int Count(int value, string option) => value is >= 1 and <= 1024 ? value : throw new ArgumentException($"{option} is a count from 1 to 1024, not {value}");
NetworkWidth Width(ParseResult parse) => new(Count(parse.GetValue(maps), "--maps"), Count(parse.GetValue(hidden), "--hidden"));
static double Depth(double value) => value >= 0 ? value : throw new ArgumentException($"--inaudible-music is a depth in dB, 0 or more, not {value}");
static double Chance(double value, string option) =>
    value is >= 0 and <= 1 ? value : throw new ArgumentException($"{option} is a chance from 0 to 1, not {value}");

root.SetAction(parse =>
{
    if (parse.GetValue(threshold) is { } decision)
    {
        // Checked now: after a long run, a bad threshold would stop the export that the run was for.
        MusicMask.Models.NetworkWeights.CheckDecisionThreshold(decision);
    }

    var lowest = parse.GetValue(lowestLevel);
    if (!(lowest >= -90 && lowest < loudest))
    {
        throw new ArgumentException($"--lowest-level must lie from -90 to below {loudest} dBFS, not {lowest}");
    }

    var gaps = Chance(parse.GetValue(silenceGaps), "--silence-gaps");
    var hum = Chance(parse.GetValue(machineHum), "--machine-hum");
    var melody = Chance(parse.GetValue(syntheticMusic), "--synthetic-music");
    var tones = Chance(parse.GetValue(steadyTones), "--steady-tones");
    var sung = Chance(parse.GetValue(sungMusic), "--sung-music");
    var voices = Chance(parse.GetValue(singleVoices), "--single-voices");
    var rooms = Chance(parse.GetValue(reverb), "--reverb");
    var masks = Chance(parse.GetValue(spectralMasks), "--spectral-masks");
    var chosenOptimizer = parse.GetValue(optimizer) ?? (parse.GetValue(pixelHead) ? "adam" : "sgd");
    var dropoutChance = Chance(parse.GetValue(dropout), "--dropout");
    var width = Width(parse);
    var inaudibleDb = Depth(parse.GetValue(inaudible));

    // libtorch aborts the whole process on a thread count below 1; beyond a few hundred it only thrashes.
    var threadCount = parse.GetValue(threads);
    TorchSharp.torch.set_num_threads(threadCount is >= 1 and <= 256 ? threadCount : throw new ArgumentException($"--threads must be from 1 to 256, not {threadCount}"));
    var options = new TrainerOptions
    {
        DataFolder = parse.GetValue(data)!.FullName,
        RunFolder = parse.GetValue(run)!.FullName,
        Minutes = parse.GetValue(minutes),
        MaxSteps = parse.GetValue(steps),
        Seed = parse.GetValue(seed),
        Resume = parse.GetValue(resume),
        InitialWeights = parse.GetValue(init)?.FullName,
        Optimizer = chosenOptimizer,
        LearningRate = parse.GetValue(rate) ?? (chosenOptimizer == "adam" ? 0.001 : 0.05),
        SnapshotEverySteps = parse.GetValue(snapshots),
        ZeroSumFirstLayer = parse.GetValue(zeroSum),
        LevelDbfs = (lowest, loudest),
        SilenceGaps = gaps,
        MachineHum = hum,
        SyntheticMusic = melody,
        SungMusic = sung,
        SteadyTones = tones,
        SingleVoices = voices,
        Reverb = rooms,
        SpectralMasks = masks,
        InaudibleMusicDecibels = inaudibleDb,
        Width = width,
        Teacher = parse.GetValue(teacher)?.FullName,
        TeacherWeight = Chance(parse.GetValue(teacherWeight), "--teacher-weight"),
        Dropout = dropoutChance,
        Emphasis = parse.GetValue(emphasis) is { } survey ? ClipEmphasis.Read(survey.FullName, parse.GetValue(emphasisStrength)) : null,
        CentreTargets = parse.GetValue(centreTargets),
        FreezeFeatures = parse.GetValue(freezeFeatures),
        PixelHead = parse.GetValue(pixelHead),
        PixelHeadTrainsNetwork = parse.GetValue(pixelHeadNetwork),
    };
    var logPath = Path.Combine(options.RunFolder, "train.log");
    void Log(string line)
    {
        // Made on the first line, so options or data refused before training leave no run folder behind.
        Console.WriteLine(line);
        Directory.CreateDirectory(options.RunFolder);
        File.AppendAllText(logPath, line + Environment.NewLine);
    }

    var target = parse.GetValue(output)?.FullName ?? Path.Combine(options.RunFolder, "model.onnx");
    if (options.PixelHead || options.PixelHeadTrainsNetwork)
    {
        if (parse.GetValue(threshold) is not null)
        {
            throw new ArgumentException("--decision-threshold moves the window decision, which a pixel head leaves as it is");
        }

        new PixelHeadTrainer(options, Log).Run(target);
        return;
    }

    var trainer = new Trainer(options, Log);
    trainer.Run();
    trainer.ExportBest(target, parse.GetValue(threshold));
    Log($"exported {Path.GetFileName(trainer.ExportedCheckpointPath)} to {target}");
});
var blendFrom = new Argument<FileInfo>("from") { Description = "checkpoint the run started from" };
var blendTo = new Argument<FileInfo>("to") { Description = "checkpoint it was fine-tuned to" };
blendFrom.AcceptExistingOnly();
blendTo.AcceptExistingOnly();
var blendWeight = new Option<double>("--weight", "-t") { Description = "share of 'to' in the blend, 0..1", DefaultValueFactory = _ => 0.5 };
var blend = new Command("blend", "Writes the ONNX model of (1 - t) * from + t * to (choose t on the validation split).")
{
    blendFrom, blendTo, blendWeight, maps, hidden, output, threshold,
};
blend.SetAction(parse =>
{
    var to = parse.GetValue(blendTo)!;
    var weight = parse.GetValue(blendWeight);
    var model = WeightInterpolation.Blend(parse.GetValue(blendFrom)!.FullName, to.FullName, weight, Width(parse));
    var target = parse.GetValue(output)?.FullName ?? Path.Combine(to.DirectoryName!, FormattableString.Invariant($"blend-{weight}.onnx"));
    Trainer.Export(model, target, TrainerOptions.DefaultModelVersion, parse.GetValue(threshold));
    Console.WriteLine($"wrote the blend at t = {weight} to {target}");
});
root.Subcommands.Add(blend);
var averaged = new Argument<FileInfo[]>("checkpoints") { Description = "checkpoints of one run (e.g. its snapshot-STEP.bin files)", Arity = ArgumentArity.OneOrMore };
averaged.AcceptExistingOnly();
var average = new Command("average", "Writes the ONNX model of the mean of the checkpoints' weights (choose which on the validation split).")
{
    averaged, maps, hidden, output, threshold,
};
average.SetAction(parse =>
{
    var checkpoints = parse.GetValue(averaged)!;
    var target = parse.GetValue(output)?.FullName ?? Path.Combine(checkpoints[0].DirectoryName!, "average.onnx");
    Trainer.Export(WeightInterpolation.Average(checkpoints.Select(file => file.FullName).ToArray(), Width(parse)), target, TrainerOptions.DefaultModelVersion, parse.GetValue(threshold));
    Console.WriteLine($"wrote the mean of {checkpoints.Length} checkpoints to {target}");
});
root.Subcommands.Add(average);
var decided = new Argument<FileInfo>("model") { Description = "an exported model" };
decided.AcceptExistingOnly();
var decide = new Command("decide", "Writes an exported model with its decision moved: a music probability of --decision-threshold becomes the mask's 0.5 (choose it on the validation split; every window keeps its rank).")
{
    decided, output, threshold,
};
decide.SetAction(parse =>
{
    var model = parse.GetValue(decided)!;
    var moveTo = parse.GetValue(threshold) ?? throw new ArgumentException("decide needs --decision-threshold");
    var target = parse.GetValue(output)?.FullName ?? Path.Combine(model.DirectoryName!, FormattableString.Invariant($"{Path.GetFileNameWithoutExtension(model.Name)}-decision-{moveTo}.onnx"));
    DecisionShift.Write(model.FullName, moveTo, target);
    Console.WriteLine($"wrote {model.Name} with a probability of {moveTo} mapped to 0.5 to {target}");
});
root.Subcommands.Add(decide);
var contextModel = new Argument<FileInfo>("model") { Description = "an exported model without a column context" };
contextModel.AcceptExistingOnly();
var contextWindows = new Option<int>("--windows") { Description = "windows drawn per condition (clean, 0 dB, -10 dB)", DefaultValueFactory = _ => 60_000 };
var context = new Command("context", "Writes an exported model that reads each window with its time column: a column weight and bias fitted on the train split's recordings (the window's own weight stays 1, so bands keep their order within a moment).")
{
    contextModel, data, output, seed, contextWindows,
};
context.SetAction(parse =>
{
    var model = parse.GetValue(contextModel)!;
    var target = parse.GetValue(output)?.FullName ?? Path.Combine(model.DirectoryName!, $"{Path.GetFileNameWithoutExtension(model.Name)}-context.onnx");
    var progress = new Progress<string>(Console.WriteLine);
    var fitted = ContextExport.Column(model.FullName, parse.GetValue(data)!.FullName, target, parse.GetValue(seed), parse.GetValue(contextWindows), progress);
    Console.WriteLine($"column context (own, column, bias) = {fitted.ToProperty()}; wrote {target}");
});
root.Subcommands.Add(context);
var timeModel = new Argument<FileInfo>("model") { Description = "an exported model (with its column context, when it has one) without a time context" };
timeModel.AcceptExistingOnly();
var radius = new Option<int>("--radius") { Description = "columns on each side of a window whose means it is read with (16 frames each)", DefaultValueFactory = _ => MusicMask.Evaluation.TimeContextFit.DefaultRadius };
var timeContext = new Command("time-context", "Writes an exported model that reads each window with the moments around it: weights on its column's mean logit and on the mean of the columns within --radius, and a bias, fitted on the train split's recordings over the model's scores as they are (the window's own weight stays 1).")
{
    timeModel, data, output, seed, contextWindows, radius,
};
timeContext.SetAction(parse =>
{
    var model = parse.GetValue(timeModel)!;
    var target = parse.GetValue(output)?.FullName ?? Path.Combine(model.DirectoryName!, $"{Path.GetFileNameWithoutExtension(model.Name)}-time.onnx");
    var progress = new Progress<string>(Console.WriteLine);
    var fitted = ContextExport.Time(model.FullName, parse.GetValue(data)!.FullName, target, parse.GetValue(seed), parse.GetValue(contextWindows), parse.GetValue(radius), progress);
    Console.WriteLine($"time context (column, around, bias, radius) = {fitted.ToProperty()}; wrote {target}");
});
root.Subcommands.Add(timeContext);
var surveyModel = new Option<FileInfo>("--model") { Description = "the exported model whose errors to survey", Required = true };
surveyModel.AcceptExistingOnly();
var surveyOutput = new Option<FileInfo>("--output", "-o") { Description = "the survey file to write (tab-separated: class, file, seconds, windows, error)", Required = true };
var mine = new Command("mine", "Scores every train music and noise clip with a model and writes each clip's share of wrong windows (a survey for --emphasis).")
{
    data, surveyModel, surveyOutput,
};
mine.SetAction(parse =>
{
    var target = parse.GetValue(surveyOutput)!.FullName;
    var library = new AudioLibrary(Path.Combine(parse.GetValue(data)!.FullName, "train"));
    library.EnsureMusicAndNoise();
    using var scorer = new MusicMask.Scoring.StripScorer(parse.GetValue(surveyModel)!.FullName);
    var errors = ClipErrorSurvey.Measure(library, scorer).ToList();
    ClipErrorSurvey.Write(target, errors);
    foreach (var kind in errors.GroupBy(e => e.Class))
    {
        Console.WriteLine($"{kind.Key}: {kind.Count()} clips, {kind.Sum(e => e.Error * e.Windows) / Math.Max(1, kind.Sum(e => e.Windows)):P1} of their windows wrong");
    }

    Console.WriteLine($"wrote {target}");
});
root.Subcommands.Add(mine);
var songFormat = new Option<string>("--format") { Description = "festival (singing-mode markup, .xml) or midi (a General MIDI voice program, .mid)", Required = true };
songFormat.AcceptOnlyFromAmong("festival", "midi");
var songVoice = new Option<string>("--voice") { Description = "male or female: the singer's range", DefaultValueFactory = _ => "male" };
songVoice.AcceptOnlyFromAmong("male", "female");
var songLanguage = new Option<string>("--language") { Description = "syllables to sing: en, it or cs", DefaultValueFactory = _ => "en" };
var songCount = new Option<int>("--count") { Description = "songs to write", DefaultValueFactory = _ => 20 };
var songSeconds = new Option<double>("--seconds") { Description = "length of each song", DefaultValueFactory = _ => 30 };
var songFolder = new Option<DirectoryInfo>("--output", "-o") { Description = "folder for the scores (song-N.xml or song-N.mid)", Required = true };
var songs = new Command("songs", "Composes random songs as scores for a singing synthesiser (festival) or a soundfont's voice programs (MIDI): the sung music scripts/make-singing.sh renders.")
{
    songFormat, songVoice, songLanguage, songCount, songSeconds, seed, songFolder,
};
songs.SetAction(parse =>
{
    var language = parse.GetValue(songLanguage)!;
    var voice = parse.GetValue(songVoice) == "female" ? SingerVoice.Female(language) : SingerVoice.Male(language);
    var random = new Random(parse.GetValue(seed));
    var folder = parse.GetValue(songFolder)!.FullName;
    var seconds = parse.GetValue(songSeconds) is > 0 and <= 3600 and var s ? s : throw new ArgumentException("--seconds must lie from 0 to 3600");
    var count = Count(parse.GetValue(songCount), "--count");
    Directory.CreateDirectory(folder);
    for (var i = 1; i <= count; i++)
    {
        var song = SongComposer.Compose(voice, seconds, random);
        if (parse.GetValue(songFormat) == "festival")
        {
            File.WriteAllText(Path.Combine(folder, $"song-{i:D3}.xml"), FestivalScore.Write(song));
        }
        else
        {
            File.WriteAllBytes(Path.Combine(folder, $"song-{i:D3}.mid"), MidiScore.Write(song, 52 + random.Next(3), random));
        }
    }

    Console.WriteLine($"wrote {count} songs to {folder}");
});
root.Subcommands.Add(songs);
try
{
    return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception error) when (error is ArgumentException or IOException or InvalidDataException or UnauthorizedAccessException or NotFiniteNumberException)
{
    // Bad options or files (a snapshot spacing off the epoch, a file that is not a checkpoint) and a diverged run
    // are one clear line.
    Console.Error.WriteLine($"musicmask-train: {error.Message}");
    return 2;
}
