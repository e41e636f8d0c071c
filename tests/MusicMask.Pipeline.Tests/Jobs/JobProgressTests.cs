using MusicMask.Jobs;

namespace MusicMask.Pipeline.Tests.Jobs;

public class JobProgressTests
{
    [Fact]
    public void CompleteOnlyWhenSealedAndEveryBatchScoredInAnyOrder()
    {
        var progress = JobProgress.Empty();
        foreach (var batch in new[] { 4, 0, 2 })
        {
            Assert.True(progress.MarkScored(batch));
        }

        Assert.False(progress.IsComplete);
        Assert.True(progress.SetBatches(5));
        Assert.False(progress.IsComplete);
        Assert.True(progress.MarkScored(1));
        Assert.False(progress.MarkScored(1));
        Assert.True(progress.MarkScored(3));
        Assert.True(progress.IsComplete);

        var copy = JobProgress.Parse(progress.ToBytes());
        Assert.Equal((5, 5, true), (copy.Batches, copy.Scored, copy.IsComplete));
    }

    [Fact]
    public void ImpossibleProgressIsAnError()
    {
        var progress = JobProgress.Empty();
        progress.MarkScored(9);
        Assert.Throws<InvalidDataException>(() => progress.SetBatches(5));
        var sealedJob = JobProgress.Empty();
        sealedJob.SetBatches(3);
        Assert.Throws<InvalidDataException>(() => sealedJob.MarkScored(3));
        Assert.Throws<InvalidDataException>(() => sealedJob.SetBatches(4));
        Assert.False(sealedJob.SetBatches(3));
        Assert.Throws<InvalidDataException>(() => JobProgress.Parse([1, 2]));
    }
}
