using System.Text;
using System.Text.RegularExpressions;

namespace MusicMask.Outputs;

/// <summary>Reads the header of a .npy file (versions 1 and 2) and its raw data.</summary>
public static partial class NpyReader
{
    public static (string Descr, int[] Shape, byte[] Data) Read(Stream stream)
    {
        var prefix = new byte[8];
        stream.ReadExactly(prefix);
        if (prefix[0] != 0x93 || Encoding.ASCII.GetString(prefix, 1, 5) != "NUMPY")
        {
            throw new InvalidDataException("not a .npy file");
        }

        var lengthBytes = new byte[prefix[6] == 1 ? 2 : 4];
        stream.ReadExactly(lengthBytes);
        var headerLength = lengthBytes.Length == 2 ? BitConverter.ToUInt16(lengthBytes) : BitConverter.ToInt32(lengthBytes);
        var header = new byte[headerLength];
        stream.ReadExactly(header);
        var text = Encoding.ASCII.GetString(header);
        var descr = DescrPattern().Match(text).Groups[1].Value;
        var shape = ShapePattern().Match(text).Groups[1].Value
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(int.Parse).ToArray();
        using var rest = new MemoryStream();
        stream.CopyTo(rest);
        return (descr, shape, rest.ToArray());
    }

    [GeneratedRegex(@"'descr':\s*'([^']+)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'shape':\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
