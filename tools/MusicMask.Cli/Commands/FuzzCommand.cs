using System.CommandLine;
using MusicMask.Cli.Fuzzing;

namespace MusicMask.Cli.Commands;

/// <summary>`musicmask fuzz-wav`: decodes mutated WAV/RF64 headers and prints what happened; exit 1 on any unhandled exception or hang.</summary>
internal static class FuzzCommand
{
    public static Command Create()
    {
        var cases = new Option<int>("--cases") { Description = "how many mutated files to decode", DefaultValueFactory = _ => 100_000 }.Within(1, 100_000_000);
        var seed = new Option<int>("--seed") { Description = "seed of the mutations", DefaultValueFactory = _ => 1 };
        var limit = new Option<double>("--case-seconds") { Description = "time one file may take before it counts as a hang", DefaultValueFactory = _ => 5 }.Within(0.01, 600);
        var command = new Command("fuzz-wav", "Decode mutated WAV and RF64 headers (seekable and streamed) and report unhandled exceptions, hangs, time and memory.")
        {
            cases, seed, limit,
        };
        command.SetAction(parse =>
        {
            var report = WavFuzzer.Run(parse.GetValue(cases), parse.GetValue(seed), TimeSpan.FromSeconds(parse.GetValue(limit)), done => Console.Error.WriteLine($"{done:N0} cases..."));
            Console.WriteLine($"cases: {report.Cases:N0} (seed {parse.GetValue(seed)})");
            Console.WriteLine($"decoded: {report.Decoded:N0} ({report.Truncated:N0} of them cut short and reported as truncated)");
            Console.WriteLine($"refused with a clear error: {report.Refused:N0}");
            Console.WriteLine($"unhandled exceptions: {report.Unhandled.Values.Sum():N0}{string.Concat(report.Unhandled.Select(u => $"  {u.Key} x{u.Value}"))}");
            Console.WriteLine($"hangs (over {parse.GetValue(limit)} s): {report.Hangs:N0}");
            Console.WriteLine($"time: {report.Elapsed.TotalSeconds:F1} s ({report.Cases / report.Elapsed.TotalSeconds:N0} cases/s), slowest case {report.SlowestCase.TotalMilliseconds:F1} ms");
            Console.WriteLine($"peak working set: {report.PeakWorkingSetBytes / (1 << 20):N0} MB; most samples from one case: {report.MaxSamplesOfOneCase:N0}");
            foreach (var example in report.UnhandledExamples)
            {
                Console.WriteLine($"  {example}");
            }

            return report.Unhandled.Count == 0 && report.Hangs == 0 ? 0 : 1;
        });
        return command;
    }
}
