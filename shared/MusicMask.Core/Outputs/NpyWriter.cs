using System.Runtime.InteropServices;
using System.Text;

namespace MusicMask.Outputs;

/// <summary>Writes NumPy .npy version 1.0 files (C order, little-endian), readable with numpy.load.</summary>
public static class NpyWriter
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0];

    public static void Write(Stream stream, ReadOnlySpan<float> values, params int[] shape) =>
        Write(stream, "<f4", MemoryMarshal.AsBytes(values), shape);

    public static void Write(Stream stream, ReadOnlySpan<byte> values, params int[] shape) =>
        Write(stream, "|u1", values, shape);

    private static void Write(Stream stream, string descr, ReadOnlySpan<byte> data, int[] shape)
    {
        var dims = shape.Length == 1 ? $"{shape[0]}," : string.Join(", ", shape);
        var header = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({dims}), }}";
        var unpadded = Magic.Length + 2 + header.Length + 1;
        header = header.PadRight(header.Length + (64 - unpadded % 64) % 64) + "\n";
        stream.Write(Magic);
        stream.Write([(byte)(header.Length & 0xFF), (byte)(header.Length >> 8)]);
        stream.Write(Encoding.ASCII.GetBytes(header));
        stream.Write(data);
    }
}
