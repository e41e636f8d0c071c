using System.Buffers.Binary;
using System.Text;

namespace MusicMask.Training.Native;

/// <summary>
/// Edits an ELF64 shared library's version-needs table (.gnu.version_r) so that one required symbol version
/// becomes weak (VER_FLG_WEAK): the loader then accepts a libstdc++ that lacks that version.
/// </summary>
public static class ElfVersionNeeds
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    /// <summary>Marks <paramref name="version"/> weak; returns true if the file changed.</summary>
    public static bool MarkWeak(string path, string version)
    {
        var elf = File.ReadAllBytes(path);
        var changed = false;
        foreach (var flagsOffset in FlagOffsets(elf, version, path))
        {
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(flagsOffset));
            if ((flags & VerFlagWeak) == 0)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(flagsOffset), (ushort)(flags | VerFlagWeak));
                changed = true;
            }
        }

        if (changed)
        {
            // A name of its own per call: trainers started together patch the same fresh build at once, and a shared
            // temporary file was renamed away under the second one. The rename is atomic, so readers see either file.
            var temporary = $"{path}.patching-{Guid.NewGuid():N}";
            File.WriteAllBytes(temporary, elf);
            File.Move(temporary, path, overwrite: true);
        }

        return changed;
    }

    /// <summary>Whether the library requires <paramref name="version"/> weakly; null when it does not name it.</summary>
    public static bool? IsWeak(string path, string version)
    {
        var elf = File.ReadAllBytes(path);
        var offsets = FlagOffsets(elf, version, path).ToArray();
        return offsets.Length == 0 ? null : offsets.All(o => (BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(o)) & VerFlagWeak) != 0);
    }

    /// <summary>File offsets of vna_flags of every Vernaux entry naming <paramref name="version"/>.</summary>
    private static List<int> FlagOffsets(byte[] elf, string version, string path)
    {
        if (elf.Length < 64 || elf[0] != 0x7F || elf[1] != (byte)'E' || elf[4] != 2 || elf[5] != 1)
        {
            throw new InvalidDataException($"{path} is not a little-endian ELF64 file");
        }

        var sectionTable = (int)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(0x28));
        int entrySize = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3A));
        int count = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3C));
        Span<byte> Section(int index) => elf.AsSpan(sectionTable + index * entrySize, entrySize);

        var found = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var header = Section(i);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) != ShtGnuVerneed)
            {
                continue;
            }

            var offset = (int)BinaryPrimitives.ReadUInt64LittleEndian(header[24..]);
            var strings = (int)BinaryPrimitives.ReadUInt64LittleEndian(Section((int)BinaryPrimitives.ReadUInt32LittleEndian(header[40..]))[24..]);
            var needs = BinaryPrimitives.ReadUInt32LittleEndian(header[44..]);
            for (var need = 0; need < needs; need++)
            {
                int auxCount = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(offset + 2));
                var aux = offset + (int)BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(offset + 8));
                for (var a = 0; a < auxCount; a++)
                {
                    if (ReadString(elf, strings + (int)BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(aux + 8))) == version)
                    {
                        found.Add(aux + 4);
                    }

                    aux += (int)BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(aux + 12));
                }

                offset += (int)BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(offset + 12));
            }
        }

        return found;
    }

    private static string ReadString(byte[] elf, int start)
    {
        var end = Array.IndexOf(elf, (byte)0, start);
        return Encoding.ASCII.GetString(elf, start, end - start);
    }
}
