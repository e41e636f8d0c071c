using MusicMask.Training.Native;
using TorchSharp;

namespace MusicMask.Training.Tests.Native;

/// <summary>
/// libtorch made usable (<see cref="TorchRuntime"/>) and held to one thread: the thread count decides the order in
/// which floats are summed, so a seeded training run would otherwise take another path on a machine with more cores.
/// </summary>
internal static class OneThreadTorch
{
    public static void Prepare()
    {
        TorchRuntime.Prepare();
        torch.set_num_threads(1);
    }
}
