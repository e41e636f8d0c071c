using MusicMask.Training.Data;
using MusicMask.Training.Modeling;
using MusicMask.Training.Tests.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace MusicMask.Training.Tests.Modeling;

public sealed class DistillationLossTests
{
    public DistillationLossTests() => OneThreadTorch.Prepare();

    private static Tensor Logits(int seed) => randn([3, 2, 4, 5], generator: new Generator((ulong)seed));

    private static Tensor Labels(int seed)
    {
        var random = new Random(seed);
        var labels = Enumerable.Range(0, 3 * 4 * 5).Select(_ => (long)random.Next(2)).ToArray();
        labels[7] = StripSampler.Ignore;
        labels[31] = StripSampler.Ignore;
        return tensor(labels, [3, 4, 5]);
    }

    private static float Value(Tensor loss) => loss.item<float>();

    [Fact]
    public void WithoutTheTeacherItIsTheLabelsCrossEntropy()
    {
        var (student, teacher, labels) = (Logits(1), Logits(2), Labels(3));

        var expected = nn.functional.cross_entropy(student, labels, ignore_index: StripSampler.Ignore);

        Assert.Equal(Value(expected), Value(DistillationLoss.Compute(student, teacher, labels, 0)), 6);
    }

    [Fact]
    public void ATeacherSureOfTheLabelsTeachesWhatTheLabelsDo()
    {
        var (student, labels) = (Logits(4), Labels(5));
        var music = labels.eq(0).to_type(ScalarType.Float32).mul(60).sub(30);
        var certain = stack([music, music.neg()], 1);

        var expected = nn.functional.cross_entropy(student, labels, ignore_index: StripSampler.Ignore);

        Assert.Equal(Value(expected), Value(DistillationLoss.Compute(student, certain, labels, 1)), 5);
        Assert.Equal(Value(expected), Value(DistillationLoss.Compute(student, certain, labels, 0.3)), 5);
    }

    [Fact]
    public void UnlabelledWindowsCountInNeitherTerm()
    {
        var (student, teacher, labels) = (Logits(6), Logits(7), Labels(8));
        var moved = student.clone();
        moved[0, TensorIndex.Colon, 1, 2] = tensor(new[] { 9f, -9f });

        Assert.Equal(Value(DistillationLoss.Compute(student, teacher, labels, 0.5)), Value(DistillationLoss.Compute(moved, teacher, labels, 0.5)), 6);
    }

    [Fact]
    public void TheStudentIsPulledToTheTeachersProbabilityNotPastIt()
    {
        var labels = zeros([1, 1, 1], ScalarType.Int64);
        var teacher = tensor(new[] { (float)Math.Log(0.7), (float)Math.Log(0.3) }, [1, 2, 1, 1]);
        float Loss(double p) => Value(DistillationLoss.Compute(tensor(new[] { (float)Math.Log(p), (float)Math.Log(1 - p) }, [1, 2, 1, 1]), teacher, labels, 1));

        Assert.True(Loss(0.7) < Loss(0.5), "a student at 0.5 should gain by moving to the teacher's 0.7");
        Assert.True(Loss(0.7) < Loss(0.95), "a student should not be pushed past the teacher toward the label");
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void RefusesAShareOutsideZeroToOne(double weight)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DistillationLoss.Compute(Logits(1), Logits(2), Labels(3), weight));
    }
}
