using System.CommandLine;
using MusicMask.Cli.Commands;

var root = new RootCommand("MusicMask: finds where music is in a recording, in time and in frequency (Park & Lee, ISMIR 2015).");
root.Subcommands.Add(SegmentCommand.Create());
root.Subcommands.Add(SampleCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(WorkerCommand.CreateServe());
root.Subcommands.Add(WorkerCommand.CreateWorker());
root.Subcommands.Add(SubmitCommand.Create());
root.Subcommands.Add(StatusCommand.Create());
root.Subcommands.Add(ReportCommand.Create());
root.Subcommands.Add(PipelineBenchCommand.Create());
root.Subcommands.Add(CoordinationBenchCommand.Create());
root.Subcommands.Add(FuzzCommand.Create());
return root.Parse(args).Invoke();
