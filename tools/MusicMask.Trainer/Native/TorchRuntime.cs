using System.Runtime.InteropServices;

namespace MusicMask.Training.Native;

/// <summary>
/// Makes libtorch usable on Debian 12 before TorchSharp first loads it: the native wrapper asks for
/// GLIBCXX_3.4.32 (only for std::ios_base_library_init, which nothing calls; Debian 12 has 3.4.30), and
/// libtorch's allocator is several times slower here without transparent huge pages enabled.
/// </summary>
public static partial class TorchRuntime
{
    private static readonly Lock Gate = new();
    private static bool _prepared;

    public static void Prepare()
    {
        lock (Gate)
        {
            if (_prepared)
            {
                return;
            }

            SetEnvironment("THP_MEM_ALLOC_ENABLE", "1");
            var wrapper = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
            if (File.Exists(wrapper))
            {
                ElfVersionNeeds.MarkWeak(wrapper, "GLIBCXX_3.4.32");
            }

            _prepared = true;
        }
    }

    private static void SetEnvironment(string name, string value)
    {
        Environment.SetEnvironmentVariable(name, value);
        if (OperatingSystem.IsLinux())
        {
            _ = setenv(name, value, 1);
        }
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);
}
