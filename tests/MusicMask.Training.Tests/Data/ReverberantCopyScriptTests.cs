using MusicMask.Audio;

namespace MusicMask.Training.Tests.Data;

/// <summary>Runs scripts/reverberant-copy.sh, which makes the reverberant validation copy the model card scores on.</summary>
public sealed class ReverberantCopyScriptTests : IDisposable
{
    private const int Rate = 44_100;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"musicmask-rooms-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void CopiesOriginalsAsHeardInARoomSkipsWhatItCannotReadAndKeepsWhatItMade()
    {
        // 0.2 s of 1 kHz in 1 s, the rest digital silence: in a room the silence after it holds the tail.
        var burst = Enumerable.Range(0, Rate).Select(i => i < Rate / 5 ? (float)(0.5 * Math.Sin(2 * Math.PI * 1_000 * i / Rate)) : 0).ToArray();
        var source = Path.Combine(_folder, "dry");
        Directory.CreateDirectory(Path.Combine(source, "music"));
        WavWriter.Write(Path.Combine(source, "music", "pkg__burst.wav"), burst, Rate);
        WavWriter.Write(Path.Combine(source, "music", "pkg__burst.opus32.wav"), burst, Rate);
        File.WriteAllBytes(Path.Combine(source, "music", "pkg__truncated.wav"), File.ReadAllBytes(Path.Combine(source, "music", "pkg__burst.wav"))[..20]);
        var copies = Path.Combine(_folder, "rooms");

        var first = ProjectScript.Run("reverberant-copy.sh", new Dictionary<string, string>(), source, copies);
        var second = ProjectScript.Run("reverberant-copy.sh", new Dictionary<string, string>(), source, copies);

        Assert.Contains("1 made, 0 kept, 1 skipped", first, StringComparison.Ordinal);
        Assert.Contains("0 made, 1 kept, 1 skipped", second, StringComparison.Ordinal);
        Assert.Equal([Path.Combine(copies, "music", "pkg__burst.wav")], Directory.GetFiles(copies, "*", SearchOption.AllDirectories));
        using var heard = AudioDecoder.Open(Path.Combine(copies, "music", "pkg__burst.wav"));
        var samples = new float[Rate];
        Assert.Equal(Rate, heard.ReadFully(samples));
        Assert.Equal((Rate, 1), (heard.SampleRate, heard.Channels));
        double Rms(double from, double to) => Math.Sqrt(samples[(int)(from * Rate)..(int)(to * Rate)].Average(x => (double)x * x));
        var fall = 20 * Math.Log10(Rms(0.1, 0.2) / Rms(0.25, 0.3));
        Assert.InRange(fall, 3, 60);
    }
}
