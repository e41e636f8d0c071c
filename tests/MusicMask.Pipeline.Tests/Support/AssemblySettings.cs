// Each integration test runs its own Azurite and workers; on two cores running them side by side only makes them slower and flakier.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
