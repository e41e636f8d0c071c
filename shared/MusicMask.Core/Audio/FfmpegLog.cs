using System.Globalization;
using System.Text.RegularExpressions;

namespace MusicMask.Audio;

/// <summary>
/// What ffmpeg printed on stderr, bounded: the input's declared duration and the last lines, however much a
/// damaged file makes it print.
/// </summary>
internal sealed partial record FfmpegLog(double? DeclaredSeconds, bool DurationEstimated, string Tail)
{
    private const int TailCharacters = 8192;

    public string LastLine => Tail.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim() is { Length: > 0 } line
        ? line
        : "no error message";

    public static async Task<FfmpegLog> ReadAsync(StreamReader stderr)
    {
        double? declared = null;
        var estimated = false;
        var tail = new Queue<string>();
        var characters = 0;
        while (await stderr.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (declared is null && DurationLine().Match(line) is { Success: true } match)
            {
                declared = 3600 * double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
                    + 60 * double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)
                    + double.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
            }

            estimated |= line.Contains("Estimating duration from bitrate", StringComparison.Ordinal);
            tail.Enqueue(line);
            characters += line.Length + 1;
            while (characters > TailCharacters && tail.Count > 1)
            {
                characters -= tail.Dequeue().Length + 1;
            }
        }

        return new FfmpegLog(declared, estimated, string.Join('\n', tail).Trim());
    }

    [GeneratedRegex(@"^\s*Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)")]
    private static partial Regex DurationLine();
}
