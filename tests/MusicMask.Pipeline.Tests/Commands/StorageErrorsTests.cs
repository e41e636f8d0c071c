using System.CommandLine;
using Azure;
using MusicMask.Cli.Commands;
using MusicMask.Storage;

namespace MusicMask.Pipeline.Tests.Commands;

public class StorageErrorsTests
{
    [Fact]
    public void StorageAndNetworkFailuresAreOneLineAndProgramFailuresAreNot()
    {
        var refused = new AggregateException("Retry failed after 6 tries.", new RequestFailedException(0, "Connection refused (127.0.0.1:10000)"), new RequestFailedException(0, "again"));

        Assert.Equal("cannot reach storage (Connection refused (127.0.0.1:10000)); locally, start Azurite first (README, 'The distributed pipeline')", StorageErrors.Describe(refused));
        Assert.Equal("storage refused the request: HTTP 403 AuthorizationFailure", StorageErrors.Describe(new RequestFailedException(403, "denied", "AuthorizationFailure", null)));
        Assert.StartsWith("--storage takes a connection string", StorageErrors.Describe(new StorageConnectionFormatException("storage takes a connection string")));
        Assert.Null(StorageErrors.Describe(new InvalidOperationException("a bug")));
        Assert.Null(StorageErrors.Describe(new FormatException("some other format")));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("a=b")]
    [InlineData(" ")]
    public void AStorageSettingThatIsNeitherAConnectionStringNorAUrlEndsWithExitCodeTwo(string storage)
    {
        var root = new RootCommand { StatusCommand.Create() };

        Assert.Equal(2, root.Parse(["status", "--storage", storage]).Invoke());
        Assert.Throws<StorageConnectionFormatException>(() => StorageConnection.Create(storage));
    }
}
