using MusicMask.Outputs;

namespace MusicMask.Tests.Outputs;

public class NpyWriterTests
{
    [Fact]
    public void FloatArrayRoundTripsWithShapeAndDtype()
    {
        float[] values = [1, 2, 3, 4, 5, 6];
        using var stream = new MemoryStream();
        NpyWriter.Write(stream, values, 2, 3);
        var bytes = stream.ToArray();
        Assert.Equal(0, (bytes.Length - 24) % 64);
        var (descr, shape, data) = NpyReader.Read(new MemoryStream(bytes));
        Assert.Equal("<f4", descr);
        Assert.Equal([2, 3], shape);
        Assert.Equal(values, System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(data).ToArray());
    }

    [Fact]
    public void ByteArrayIsUnsigned8()
    {
        using var stream = new MemoryStream();
        NpyWriter.Write(stream, new byte[] { 0, 1, 1 }, 3);
        var (descr, shape, data) = NpyReader.Read(new MemoryStream(stream.ToArray()));
        Assert.Equal("|u1", descr);
        Assert.Equal([3], shape);
        Assert.Equal([0, 1, 1], data);
    }
}
