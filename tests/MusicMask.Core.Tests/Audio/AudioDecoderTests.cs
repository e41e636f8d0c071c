using MusicMask.Audio;
using MusicMask.Signals;
using MusicMask.Tests.Support;

namespace MusicMask.Tests.Audio;

[Collection(nameof(ProcessEnvironment))]
public class AudioDecoderTests
{
    [Fact]
    public void EmptyFileIsNamedAsEmpty()
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.File("empty.wav"), []);
        Assert.Contains("empty file", Assert.Throws<AudioFormatException>(() => AudioDecoder.Open(temp.File("empty.wav"))).Message);
    }

    [Fact]
    public void TextFileIsNamedAsText()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("notes.wav"), "this is not audio\nat all\n");
        Assert.Contains("plain text", Assert.Throws<AudioFormatException>(() => AudioDecoder.Open(temp.File("notes.wav"))).Message);
    }

    [Fact]
    public void MissingFileIsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => AudioDecoder.Open("/nonexistent/x.wav"));
    }

    [Theory]
    [InlineData(new byte[] { (byte)'f', (byte)'L', (byte)'a', (byte)'C', 0, 0, 0, 0 }, "FLAC")]
    [InlineData(new byte[] { (byte)'O', (byte)'g', (byte)'g', (byte)'S', 0, 2, 0, 0 }, "Ogg")]
    [InlineData(new byte[] { (byte)'I', (byte)'D', (byte)'3', 4, 0, 0, 0, 0 }, "MP3")]
    [InlineData(new byte[] { 0xFF, 0xFB, 0x90, 0x64, 0, 0, 0, 0 }, "MP3")]
    [InlineData(new byte[] { 0, 0, 0, 0x20, (byte)'f', (byte)'t', (byte)'y', (byte)'p' }, "MP4/M4A")]
    [InlineData(new byte[] { 0x00, 0x01, 0x02, 0x03, 0x80, 0x81, 0x82, 0x83 }, "unknown format")]
    public void SniffNamesContainers(byte[] head, string expected) => Assert.Equal(expected, AudioDecoder.Sniff(head));

    [Fact]
    public void WithoutFfmpegOtherFormatsSayWhatIsMissing()
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.File("a.flac"), "fLaC\0\0\0\"0123456789"u8.ToArray());
        var path = Environment.GetEnvironmentVariable("PATH");
        try
        {
            Environment.SetEnvironmentVariable("PATH", temp.Path);
            var error = Assert.Throws<AudioFormatException>(() => AudioDecoder.Open(temp.File("a.flac")));
            Assert.Contains("FLAC needs ffmpeg", error.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }
    }

    [Theory]
    [InlineData("flac")]
    [InlineData("mp3")]
    [InlineData("ogg")]
    public void FfmpegDecodesOtherFormatsTo441Mono(string extension)
    {
        Assert.True(FfmpegAudioSource.IsAvailable, "these tests need ffmpeg on PATH (apt-get install ffmpeg; .ci/run installs it)");
        using var temp = new TempDirectory();
        var tone = SignalGenerator.Sine(48_000, 48_000, 1000, 0.5f);
        WavWriter.Write(temp.File("tone.wav"), tone, 48_000);
        Ffmpeg.Convert(temp.File("tone.wav"), temp.File($"tone.{extension}"));

        using var source = AudioDecoder.Open(temp.File($"tone.{extension}"));
        var samples = new List<float>();
        var block = new float[4096];
        int read;
        while ((read = source.Read(block)) > 0)
        {
            samples.AddRange(block[..read]);
        }

        Assert.Equal(44_100, source.SampleRate);
        Assert.Contains("via ffmpeg", source.Format);
        Assert.InRange(samples.Count, 44_100 - 2_000, 44_100 + 3_000);
        Assert.InRange(SignalGenerator.Rms(samples.ToArray()), 0.3, 0.4);
    }

    [Theory]
    [InlineData("wav")]
    [InlineData("flac")]
    public void OpensFromAStartTimeAtTheSameSampleInEveryFormat(string extension)
    {
        using var temp = new TempDirectory();
        var noise = SignalGenerator.WhiteNoise(3 * 44_100, seed: 7);
        WavWriter.Write(temp.File("noise.wav"), noise, 44_100);
        if (extension != "wav")
        {
            Ffmpeg.Convert(temp.File("noise.wav"), temp.File($"noise.{extension}"));
        }

        using var source = AudioDecoder.Open(temp.File($"noise.{extension}"), startSeconds: 1.25);
        var block = new float[4096];
        var read = source.ReadFully(block);

        // White noise matches only itself: one sample early or late and the excerpts would differ everywhere.
        var expected = noise.AsSpan((int)(1.25 * 44_100), block.Length).ToArray().Select(Quantised).ToArray();
        Assert.Equal(block.Length, read);
        Assert.True(expected.SequenceEqual(block), $"first samples {block[0]} and {expected[0]}");
    }

    /// <summary>A sample as WavWriter's 16-bit file holds it and the decoders read it back.</summary>
    private static float Quantised(float sample) => MathF.Round(Math.Clamp(sample, -1f, 1f) * 32767f) / 32768f;

    [Theory]
    [InlineData("flac")]
    [InlineData("mp3")]
    [InlineData("ogg")]
    [InlineData("opus")]
    [InlineData("m4a")]
    public void AWholeFileThroughFfmpegHasNoTruncation(string extension)
    {
        using var temp = new TempDirectory();
        var path = Encoded(temp, extension, 30);

        using var source = AudioDecoder.Open(path);
        var samples = source.Discard();

        Assert.InRange(samples, 30 * 44_100 - 2_000, 30 * 44_100 + 3_000);
        Assert.Null(source.Truncation);
    }

    [Theory]
    [InlineData("flac", true)]
    [InlineData("mp3", true)]
    [InlineData("ogg", false)]
    [InlineData("opus", false)]
    public void ACutFileThroughFfmpegSaysItIsTruncated(string extension, bool declaresItsLength)
    {
        using var temp = new TempDirectory();
        var whole = File.ReadAllBytes(Encoded(temp, extension, 30));
        File.WriteAllBytes(temp.File($"cut.{extension}"), whole[..(whole.Length / 2)]);

        using var source = AudioDecoder.Open(temp.File($"cut.{extension}"));
        var samples = source.Discard();

        var truncation = Assert.IsType<Truncation>(source.Truncation);
        Assert.Equal(samples / 44_100.0, truncation.DecodedSeconds, 3);
        Assert.InRange(truncation.DecodedSeconds, 5, 25);
        if (declaresItsLength)
        {
            Assert.InRange(truncation.DeclaredSeconds!.Value, 29.9, 30.1);
        }
        else
        {
            Assert.Null(truncation.DeclaredSeconds);
            Assert.Contains("end-of-stream page", truncation.Reason);
        }
    }

    [Theory]
    [InlineData("pipe:0.mp3")]
    [InlineData("concat:tone.mp3|tone.mp3")]
    [InlineData("-i.mp3")]
    public void FfmpegReadsAFileWhoseNameLooksLikeAProtocolOrAnOptionAsThatFile(string name)
    {
        using var temp = new TempDirectory();
        File.Copy(Encoded(temp, "mp3", 2), temp.File(name));

        using var source = AudioDecoder.Open(temp.File(name));

        Assert.InRange(source.Discard(), 2 * 44_100 - 2_000, 2 * 44_100 + 3_000);
    }

    [Fact]
    public void AnFfmpegThatStallsIsStoppedWithItsLogInTheError()
    {
        using var temp = new TempDirectory();
        var fake = temp.File("ffmpeg");
        File.WriteAllText(fake, "#!/bin/sh\necho 'Input #0, mp3, from stalled' >&2\nexec sleep 30\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        File.WriteAllBytes(temp.File("x.mp3"), [.. "ID3"u8, 4, 0, 0, 0, 0, 0, 0]);

        using var source = FfmpegAudioSource.Open(temp.File("x.mp3"), "MP3", options: new FfmpegOptions { Executable = fake, StallTimeout = TimeSpan.FromSeconds(1) });
        var error = Assert.Throws<AudioFormatException>(() => source.Discard());

        Assert.Contains("produced no audio for 1 s", error.Message);
        Assert.Contains("Input #0, mp3, from stalled", error.Details);
    }

    [Fact]
    public void ACallerThatTakesLongerThanTheStallTimeoutBetweenReadsIsNotAStall()
    {
        using var temp = new TempDirectory();
        var path = Encoded(temp, "flac", 2);

        // The limit leaves ffmpeg's start and exit three seconds, as the test assemblies and training tests share two
        // cores; the caller's pause is 2.5 limits.
        using var source = FfmpegAudioSource.Open(path, "FLAC", options: new FfmpegOptions { StallTimeout = TimeSpan.FromSeconds(3) });
        var block = new float[4096];
        long samples = source.Read(block);
        Thread.Sleep(7_500);
        samples += source.Discard();

        Assert.InRange(samples, 2 * 44_100 - 2_000, 2 * 44_100 + 3_000);
    }

    [Fact]
    public void FfmpegFailureIsAClearError()
    {
        Assert.True(FfmpegAudioSource.IsAvailable, "this test needs ffmpeg on PATH");
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.File("broken.mp3"), [.. "ID3"u8, 4, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF]);
        using var source = AudioDecoder.Open(temp.File("broken.mp3"));
        var error = Assert.Throws<AudioFormatException>(() =>
        {
            var block = new float[4096];
            while (source.Read(block) > 0)
            {
            }
        });
        Assert.Contains("ffmpeg could not decode", error.Message);
        Assert.Contains("broken.mp3", error.Details);
    }

    [Fact]
    public void ANamedPipeIsRefusedWithoutOpeningIt()
    {
        using var temp = new TempDirectory();
        UnixFiles.MakeFifo(temp.File("fifo.wav"));
        Assert.Contains("not a regular file", Assert.Throws<AudioFormatException>(() => AudioDecoder.Open(temp.File("fifo.wav"))).Message);
    }

    private static string Encoded(TempDirectory temp, string extension, int seconds)
    {
        WavWriter.Write(temp.File("tone.wav"), SignalGenerator.Sine(seconds * 44_100, 44_100, 440, 0.5f), 44_100);
        Ffmpeg.Convert(temp.File("tone.wav"), temp.File($"tone.{extension}"));
        return temp.File($"tone.{extension}");
    }
}

[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;
