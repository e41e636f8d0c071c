using System.CommandLine;
using MusicMask.Audio;
using MusicMask.Signals;

namespace MusicMask.Cli.Commands;

/// <summary>Writes a demonstration recording: noise throughout, with a melody mixed in over its middle third.</summary>
internal static class SampleCommand
{
    public static Command Create()
    {
        var path = new Argument<FileInfo>("path") { Description = "WAV file to write" };
        var seconds = new Option<int>("--seconds") { Description = "length in seconds", DefaultValueFactory = _ => 30 }.Within(1, 3600);
        var command = new Command("sample", "Write a synthetic test recording (noise, with a melody over the middle third).") { path, seconds };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(path)!;
            Write(file.FullName, parse.GetValue(seconds));
            Console.WriteLine($"wrote {file.FullName}");
        });
        return command;
    }

    public static void Write(string path, int seconds)
    {
        const int rate = 44_100;
        var samples = seconds * rate;
        var mixed = SignalGenerator.WhiteNoise(samples, seed: 1, level: 0.05f);
        var melody = SignalGenerator.Melody(samples / 3, rate, seed: 2, level: 0.15f);
        for (var i = 0; i < melody.Length; i++)
        {
            mixed[samples / 3 + i] += melody[i];
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        WavWriter.Write(path, mixed, rate);
    }
}
