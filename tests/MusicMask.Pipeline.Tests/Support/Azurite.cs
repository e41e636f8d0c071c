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
    private string? _lastError;

    private Azurite(string? location)
    {
        Location = location;
        PickPorts();
    }

    public int BlobPort { get; private set; }

    public int QueuePort { get; private set; }

    /// <summary>Unused by the pipeline, but azurite.js starts the table service too, so it needs a free port as well.</summary>
    public int TablePort { get; private set; }

    /// <summary>The folder Azurite keeps its data in, or null for in-memory.</summary>
    public string? Location { get; }

    public string ConnectionString => StorageConnection.ForAzurite(BlobPort, QueuePort);

    /// <summary>
    /// Starts Azurite on free ports. A port found free may be taken by another process before Azurite binds it; that
    /// Azurite then exits, and it is started again on other ports.
    /// </summary>
    public static async Task<Azurite> StartAsync(string? location = null)
    {
        var azurite = new Azurite(location);
        try
        {
            for (var attempt = 1; !await azurite.TryStartAsync().ConfigureAwait(false); attempt++)
            {
                if (attempt == 5)
                {
                    throw new InvalidOperationException($"Azurite exited before it listened, 5 times on fresh ports; last: {azurite._lastError}");
                }

                azurite.PickPorts();
            }
        }
        catch
        {
            await azurite.StopAsync().ConfigureAwait(false);
            throw;
        }

        return azurite;
    }

    /// <summary>Stops Azurite (if running) and starts it again on the same ports.</summary>
    public async Task RestartAsync()
    {
        if (!await TryStartAsync().ConfigureAwait(false))
        {
            throw new InvalidOperationException($"Azurite could not start again on its ports {BlobPort} and {QueuePort}: {_lastError}");
        }
    }

    /// <summary>
    /// Whether this Azurite itself says it listens on all three ports: a port that answers may be another process's,
    /// so its own output is what tells, and a table port found taken ends the whole process after the other two
    /// listen. False when it exits first (a port was taken, often by a client connection's ephemeral port).
    /// </summary>
    private async Task<bool> TryStartAsync()
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
        var listening = new[] { BlobPort, QueuePort, TablePort }.Select(port => $"listening at http://127.0.0.1:{port}").ToArray();
        var heard = 0;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        _process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } text && listening.Any(ending => text.EndsWith(ending, StringComparison.Ordinal)) && Interlocked.Increment(ref heard) == listening.Length)
            {
                ready.TrySetResult();
            }
        };
        _process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { Length: > 0 } text)
            {
                _lastError = text;
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var exited = _process.WaitForExitAsync();
        if (await Task.WhenAny(ready.Task, exited, Task.Delay(TimeSpan.FromSeconds(60))).ConfigureAwait(false) == ready.Task)
        {
            return true;
        }

        if (exited.IsCompleted)
        {
            return false;
        }

        throw new InvalidOperationException("Azurite did not say it was listening within 60 s; run scripts/bootstrap.sh to install it");
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

    private void PickPorts()
    {
        BlobPort = FreePort();
        do
        {
            QueuePort = FreePort();
        }
        while (QueuePort == BlobPort);
        do
        {
            TablePort = FreePort();
        }
        while (TablePort == BlobPort || TablePort == QueuePort);
    }

    /// <summary>
    /// A port that is free now, below the range the kernel hands out to client connections, so the test's own
    /// thousands of connections to other Azurites cannot take it before this one binds it.
    /// </summary>
    private static int FreePort()
    {
        var clientPortsFrom = File.Exists(LocalPortRange) && int.TryParse(File.ReadAllText(LocalPortRange).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0], out var low) ? low : 32768;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(10000, Math.Max(20000, clientPortsFrom));
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
            }
        }

        throw new InvalidOperationException($"no free port between 10000 and {clientPortsFrom}");
    }

    private const string LocalPortRange = "/proc/sys/net/ipv4/ip_local_port_range";
}
