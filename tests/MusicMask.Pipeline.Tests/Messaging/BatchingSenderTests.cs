using MusicMask.Messaging;

namespace MusicMask.Pipeline.Tests.Messaging;

public class BatchingSenderTests
{
    private sealed class Recorder : IMessageBatchTransport
    {
        public List<IReadOnlyList<string>> Batches { get; } = [];

        public Task SendBatchAsync(IReadOnlyList<string> bodies, CancellationToken cancellationToken)
        {
            Batches.Add(bodies);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task TenHoursOfBatchMessagesGoOutInSizeSafeBatchesInOrder()
    {
        var transport = new Recorder();
        var bodies = Enumerable.Range(0, 6_000).Select(i => $"{{\"schema\":\"musicmask.patch-batch.v1\",\"batch\":{i},\"pad\":\"{new string('x', i % 7 == 0 ? 3_000 : 150)}\"}}").ToList();
        await using (var sender = new BatchingSender(transport))
        {
            foreach (var body in bodies)
            {
                await sender.SendAsync(body);
            }
        }

        Assert.Equal(bodies, transport.Batches.SelectMany(b => b));
        Assert.All(transport.Batches, batch =>
        {
            Assert.InRange(batch.Count, 1, BatchingSender.MaxMessages);
            Assert.True(batch.Sum(b => System.Text.Encoding.UTF8.GetByteCount(b) + BatchingSender.PerMessageAllowance) <= BatchingSender.MaxBatchBytes);
        });
    }

    [Fact]
    public async Task AMessageTooLargeForAnyBatchIsRefused()
    {
        await using var sender = new BatchingSender(new Recorder());
        await Assert.ThrowsAsync<ArgumentException>(() => sender.SendAsync(new string('x', BatchingSender.MaxBatchBytes)));
    }
}
