using MusicMask.Training.Modeling;
using MusicMask.Training.Tests.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace MusicMask.Training.Tests.Modeling;

public class MaxPool2x2Tests
{
    public MaxPool2x2Tests() => OneThreadTorch.Prepare();

    [Theory]
    [InlineData(8, 12)]
    [InlineData(11, 13)]
    [InlineData(2, 3)]
    public void WithoutGradientsItEqualsMaxPool2dIncludingOddEdges(int height, int width)
    {
        using var scope = NewDisposeScope();
        manual_seed(height * 100 + width);
        // Rounded values make ties inside 2x2 blocks common, the case a wrong pairing would show.
        var input = randn(2, 3, height, width).mul(2).round();
        using var noGrad = no_grad();

        var expected = nn.functional.max_pool2d(input, 2);
        var actual = MaxPool2x2.Pool(input);

        Assert.Equal(expected.shape, actual.shape);
        Assert.True(actual.eq(expected).all().item<bool>());
    }

    [Fact]
    public void WithGradientsItBackPropagatesAsMaxPool2d()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var input = randn(2, 3, 9, 10, requires_grad: true);
        var upstream = randn(2, 3, 4, 5);

        MaxPool2x2.Pool(input).backward([upstream]);
        var actual = input.grad!.clone();
        input.grad!.zero_();
        nn.functional.max_pool2d(input, 2).backward([upstream]);

        Assert.True(actual.eq(input.grad!).all().item<bool>());
        Assert.True(actual.abs().sum().item<float>() > 0);
    }
}
