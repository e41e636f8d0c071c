using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MusicMask.Storage;

namespace MusicMask.Pipeline.Tests.Support;

/// <summary>
/// A real Azurite (npm azurite, installed by scripts/bootstrap.sh into node_modules) on free loopback ports, with
/// in-memory persistence or a folder that survives a restart.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    private Process? _process;

    private Azurite(string? location)
    {
        Location = location;
        BlobPort = FreePort();
        QueuePort = FreePort();
        TablePort = FreePort();
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    /// <summary>Unused by the pipeline, but azurite.js starts the table service too, so it needs a free port as well.</summary>
    public int TablePort { get; }

    /// <summary>The folder Azurite keeps its data in, or null for in-memory.</summary>
    public string? Location { get; }

    public string ConnectionString => StorageConnection.ForAzurite(BlobPort, QueuePort);

    public static async Task<Azurite> StartAsync(string? location = null)
    {
        var azurite = new Azurite(location);
        await azurite.RestartAsync().ConfigureAwait(false);
        return azurite;
    }

    /// <summary>Stops Azurite (if running) and starts it again on the same ports.</summary>
    public async Task RestartAsync()
    {
        await StopAsync().ConfigureAwait(false);
        var arguments = new List<string>
        {
            Executable(), "--blobHost", "127.0.0.1", "--blobPort", $"{BlobPort}", "--queueHost", "127.0.0.1", "--queuePort", $"{QueuePort}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{TablePort}",
            "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry",
        };
        arguments.AddRange(Location is null ? ["--inMemoryPersistence"] : ["--location", Location]);
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        arguments.ForEach(start.ArgumentList.Add);
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (!await ListeningAsync(BlobPort).ConfigureAwait(false) || !await ListeningAsync(QueuePort).ConfigureAwait(false))
        {
            if (_process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new InvalidOperationException($"Azurite did not start (exit code {(_process.HasExited ? _process.ExitCode : "none")}); run scripts/bootstrap.sh to install it");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    /// <summary>Stops Azurite the way Ctrl+C does, so a disk-backed one saves its state first.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _ = Interrupt(_process.Id, SignalInterrupt);
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(patience.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private static string Executable()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var script = Path.Combine(folder.FullName, "node_modules", "azurite", "dist", "src", "azurite.js");
            if (File.Exists(script))
            {
                return script;
            }
        }

        throw new FileNotFoundException("node_modules/azurite not found above the test folder; run scripts/bootstrap.sh (npm ci)");
    }

    private const int SignalInterrupt = 2;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Interrupt(int pid, int signal);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> ListeningAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
