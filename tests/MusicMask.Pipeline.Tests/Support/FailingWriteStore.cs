using MusicMask.Storage;

namespace MusicMask.Pipeline.Tests.Support;

/// <summary>A blob store whose writes of the blob <paramref name="failing"/> fail, as a process cut short there would.</summary>
public sealed class FailingWriteStore(IBlobStore inner, string failing) : DelegatingBlobStore(inner)
{
    public override Task<string> WriteAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        name == failing ? throw new IOException($"cut short writing {name}") : base.WriteAsync(name, content, cancellationToken);
}
