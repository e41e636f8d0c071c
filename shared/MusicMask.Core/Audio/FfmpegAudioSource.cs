using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace MusicMask.Audio;

/// <summary>
/// Decodes any format ffmpeg knows (mp3, flac, ogg, m4a, ...) to mono float32 at <see cref="OutputRate"/>,
/// read from ffmpeg's stdout as it decodes, so long files stream. ffmpeg reads only the local file (file: protocol,
/// nothing else whitelisted), is stopped when it produces nothing for <see cref="FfmpegOptions.StallTimeout"/>,
/// and its log goes into the error of a file it cannot decode.
/// </summary>
public sealed class FfmpegAudioSource : IAudioSource
{
    public const int OutputRate = 44_100;
    private static readonly TimeSpan TruncationTolerance = TimeSpan.FromSeconds(0.25);
    private readonly Process _process;
    private readonly Task<FfmpegLog> _log;
    private readonly Stream _stdout;
    private readonly string _path;
    private readonly string _detected;
    private readonly double _startSeconds;
    private readonly TimeSpan _stallTimeout;
    private readonly Timer _watchdog;
    private readonly byte[] _buffer = new byte[4 * 8192];
    private long _waitingSince = Stopwatch.GetTimestamp();
    private long _samples;
    private int _pending;
    private bool _ended;
    private volatile bool _stalled;

    private FfmpegAudioSource(Process process, string path, string detected, double startSeconds, TimeSpan stallTimeout)
    {
        _process = process;
        _path = path;
        _detected = detected;
        _startSeconds = startSeconds;
        _stallTimeout = stallTimeout;
        _stdout = process.StandardOutput.BaseStream;
        _log = FfmpegLog.ReadAsync(process.StandardError);
        Format = $"{detected} via ffmpeg";
        var period = TimeSpan.FromTicks(Math.Clamp(stallTimeout.Ticks / 4, TimeSpan.TicksPerMillisecond * 50, TimeSpan.TicksPerSecond));
        _watchdog = new Timer(_ => StopIfStalled(), null, period, period);
    }

    public int SampleRate => OutputRate;

    public int Channels => 1;

    public long? Length => null;

    public string Format { get; }

    public Truncation? Truncation { get; private set; }

    /// <summary>Whether an ffmpeg executable is on PATH.</summary>
    public static bool IsAvailable => FindExecutable() is not null;

    /// <summary>Starts ffmpeg on the file; a start after 0 seeks there first (as an input option, so ffmpeg seeks in the container instead of decoding everything before it).</summary>
    public static FfmpegAudioSource Open(string path, string detectedFormat, double startSeconds = 0, FfmpegOptions? options = null)
    {
        options ??= FfmpegOptions.Default;
        var ffmpeg = options.Executable ?? FindExecutable() ?? throw new AudioFormatException(
            $"{detectedFormat} needs ffmpeg to decode, and ffmpeg is not on PATH (install it, e.g. apt-get install ffmpeg)");
        var info = new ProcessStartInfo(ffmpeg)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Whole output samples, as a WAV source skips them: ffmpeg then starts on the sample a WAV read would.
        var start = Math.Floor(startSeconds * OutputRate) / OutputRate;
        string[] seek = start > 0 ? ["-ss", start.ToString("R", CultureInfo.InvariantCulture)] : [];
        // "file:" makes a name such as "pipe:0.mp3" or "concat:a|b" a file name; the whitelist refuses any other protocol.
        string[] input = ["-protocol_whitelist", "file", .. seek, "-i", "file:" + Path.GetFullPath(path)];
        foreach (var arg in new[] { "-nostdin", "-hide_banner", "-nostats", "-v", "info" }.Concat(input).Concat(["-vn", "-ac", "1", "-ar", OutputRate.ToString(CultureInfo.InvariantCulture), "-f", "f32le", "pipe:1"]))
        {
            info.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new AudioFormatException("ffmpeg could not be started");
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new AudioFormatException($"ffmpeg could not be started: {error.Message}", error);
        }

        return new FfmpegAudioSource(process, path, detectedFormat, start, options.StallTimeout);
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
            // Only time spent waiting on ffmpeg counts towards a stall, not time the caller spends between reads.
            Interlocked.Exchange(ref _waitingSince, Stopwatch.GetTimestamp());
            var read = _stdout.Read(_buffer, _pending, wanted - _pending);
            Interlocked.Exchange(ref _waitingSince, 0);
            if (read == 0)
            {
                Finish();
                return 0;
            }

            _pending += read;
        }

        var samples = _pending / 4;
        var span = MemoryMarshal.Cast<byte, float>(_buffer.AsSpan(0, samples * 4));
        for (var i = 0; i < samples; i++)
        {
            if (!float.IsFinite(span[i]))
            {
                throw new AudioFormatException($"{Path.GetFileName(_path)}: ffmpeg produced a non-finite sample at {_samples + i}");
            }
        }

        span.CopyTo(destination);
        var rest = _pending - samples * 4;
        _buffer.AsSpan(samples * 4, rest).CopyTo(_buffer);
        _pending = rest;
        _samples += samples;
        return samples;
    }

    private void StopIfStalled()
    {
        var waitingSince = Interlocked.Read(ref _waitingSince);
        if (!_ended && waitingSince != 0 && Stopwatch.GetElapsedTime(waitingSince) > _stallTimeout)
        {
            _stalled = true;
            Kill();
        }
    }

    private void Finish()
    {
        _ended = true;
        _watchdog.Dispose();
        if (!_process.WaitForExit(_stallTimeout))
        {
            _stalled = true;
            Kill();
            _process.WaitForExit();
        }

        var log = _log.Result;
        var name = Path.GetFileName(_path);
        if (_stalled)
        {
            throw new AudioFormatException($"ffmpeg produced no audio for {_stallTimeout.TotalSeconds:0.#} s while decoding {name} ({Format}), so it was stopped", details: log.Tail);
        }

        if (_process.ExitCode != 0)
        {
            throw new AudioFormatException($"ffmpeg could not decode {name} ({Format}): {log.LastLine}", details: log.Tail);
        }

        Truncation = FindTruncation(log);
    }

    /// <summary>Compares what decoded with the length the container declared (when ffmpeg did not have to guess it), and checks an Ogg file's last page.</summary>
    private Truncation? FindTruncation(FfmpegLog log)
    {
        var decoded = Math.Round((double)_samples / OutputRate, 6);
        if (log.DeclaredSeconds is { } total && !log.DurationEstimated)
        {
            var declared = total - _startSeconds;
            if (declared - decoded > TruncationTolerance.TotalSeconds)
            {
                return new Truncation($"the {_detected} container declares {declared:F2} s", decoded, Math.Round(declared, 6));
            }
        }

        return _detected == "Ogg" && !OggTail.EndsCleanly(_path)
            ? new Truncation("the Ogg stream ends without its end-of-stream page", decoded, null)
            : null;
    }

    private static string? FindExecutable()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "ffmpeg"))
            .FirstOrDefault(File.Exists);
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception error) when (error is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // It exited, or was never started, between the check and the kill.
        }
    }

    public void Dispose()
    {
        _watchdog.Dispose();
        Kill();
        _process.Dispose();
    }
}
