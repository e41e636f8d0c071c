using System.Runtime.InteropServices;

namespace MusicMask.Audio;

/// <summary>
/// A path with every symbolic link, "." and ".." resolved (POSIX realpath): two paths name the same file or folder
/// exactly when their real paths are equal, which is how traversal recognises loops and files reached twice.
/// </summary>
public static partial class RealPath
{
    /// <summary>The real path, or null when the path does not resolve (missing, a dangling link, a link loop).</summary>
    public static string? Of(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return WindowsRealPath(path);
        }

        var resolved = Resolve(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Free(resolved);
        }
    }

    /// <summary>
    /// The real path of a path that may not exist yet: its deepest existing ancestor resolved, the rest appended
    /// (for an output folder that a run is about to create).
    /// </summary>
    public static string OfPlanned(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var missing = new Stack<string>();
        var current = full;
        string? real;
        while ((real = Of(current)) is null)
        {
            var parent = Path.GetDirectoryName(current);
            if (parent is null)
            {
                return full;
            }

            missing.Push(Path.GetFileName(current));
            current = parent;
        }

        return missing.Aggregate(real, Path.Combine);
    }

    /// <summary>Whether <paramref name="inner"/> is <paramref name="outer"/> or lies below it (both real paths).</summary>
    public static bool IsSameOrInside(string inner, string outer)
    {
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var trimmed = Path.TrimEndingDirectorySeparator(outer);
        return inner.Equals(trimmed, comparison) ||
               inner.StartsWith(Path.EndsInDirectorySeparator(trimmed) ? trimmed : trimmed + Path.DirectorySeparatorChar, comparison);
    }

    private static string? WindowsRealPath(string path)
    {
        var full = Path.GetFullPath(path);
        FileSystemInfo info = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full);
        if (!info.Exists)
        {
            return null;
        }

        try
        {
            return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr Resolve(string path, IntPtr resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(IntPtr pointer);
}
