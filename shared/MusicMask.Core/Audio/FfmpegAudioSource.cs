using System.Diagnostics;

namespace MusicMask.Audio;

/// <summary>
/// Decodes any format ffmpeg knows (mp3, flac, ogg, m4a, ...) to mono float32 at <see cref="OutputRate"/>,
/// read from ffmpeg's stdout as it decodes, so long files stream.
/// </summary>
public sealed class FfmpegAudioSource : IAudioSource
{
    public const int OutputRate = 44_100;
    private readonly Process _process;
    private readonly Task<string> _stderr;
    private readonly Stream _stdout;
    private readonly string _name;
    private readonly byte[] _buffer = new byte[4 * 8192];
    private int _pending;
    private bool _ended;

    private FfmpegAudioSource(Process process, string name, string detected)
    {
        _process = process;
        _name = name;
        _stdout = process.StandardOutput.BaseStream;
        _stderr = process.StandardError.ReadToEndAsync();
        Format = $"{detected} via ffmpeg";
    }

    public int SampleRate => OutputRate;

    public int Channels => 1;

    public long? Length => null;

    public string Format { get; }

    /// <summary>Whether an ffmpeg executable is on PATH.</summary>
    public static bool IsAvailable => FindExecutable() is not null;

    /// <summary>Starts ffmpeg on the file; a start after 0 seeks there first (as an input option, so ffmpeg seeks in the container instead of decoding everything before it).</summary>
    public static FfmpegAudioSource Open(string path, string detectedFormat, double startSeconds = 0)
    {
        var ffmpeg = FindExecutable() ?? throw new AudioFormatException(
            $"{detectedFormat} needs ffmpeg to decode, and ffmpeg is not on PATH (install it, e.g. apt-get install ffmpeg)");
        var info = new ProcessStartInfo(ffmpeg)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Whole output samples, as a WAV source skips them: ffmpeg then starts on the sample a WAV read would.
        var start = Math.Floor(startSeconds * OutputRate) / OutputRate;
        string[] seek = start > 0 ? ["-ss", start.ToString("R", System.Globalization.CultureInfo.InvariantCulture)] : [];
        foreach (var arg in new[] { "-nostdin", "-hide_banner", "-v", "error" }.Concat(seek).Concat(["-i", path, "-vn", "-ac", "1", "-ar", OutputRate.ToString(), "-f", "f32le", "pipe:1"]))
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new AudioFormatException("ffmpeg could not be started");
        return new FfmpegAudioSource(process, Path.GetFileName(path), detectedFormat);
    }

    public int Read(Span<float> destination)
    {
        if (_ended)
        {
            return 0;
        }

        var wanted = Math.Min(destination.Length * 4, _buffer.Length);
        while (_pending < 4)
        {
            var read = _stdout.Read(_buffer, _pending, wanted - _pending);
            if (read == 0)
            {
                Finish();
                return 0;
            }

            _pending += read;
        }

        var samples = _pending / 4;
        var span = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(_buffer.AsSpan(0, samples * 4));
        for (var i = 0; i < samples; i++)
        {
            if (!float.IsFinite(span[i]))
            {
                throw new AudioFormatException($"{_name}: ffmpeg produced a non-finite sample at {i}");
            }
        }

        span.CopyTo(destination);
        var rest = _pending - samples * 4;
        _buffer.AsSpan(samples * 4, rest).CopyTo(_buffer);
        _pending = rest;
        return samples;
    }

    private void Finish()
    {
        _ended = true;
        _process.WaitForExit();
        if (_process.ExitCode != 0)
        {
            var message = _stderr.Result.Trim();
            throw new AudioFormatException($"ffmpeg could not decode {_name} ({Format}): {FirstLine(message)}");
        }
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim();
        return string.IsNullOrEmpty(line) ? "no error message" : line;
    }

    private static string? FindExecutable()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "ffmpeg"))
            .FirstOrDefault(File.Exists);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
