using System.Runtime.InteropServices;

namespace MusicMask.Tests.Support;

/// <summary>File-system objects .NET has no API to make: named pipes.</summary>
public static partial class UnixFiles
{
    public static void MakeFifo(string path)
    {
        if (MakeFifo(path, 0b110_100_100) != 0)
        {
            throw new IOException($"mkfifo {path} failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "mkfifo", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int MakeFifo(string path, uint mode);
}
