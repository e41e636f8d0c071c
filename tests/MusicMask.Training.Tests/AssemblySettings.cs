// TorchSharp's random generator is process-wide: test classes running side by side would draw from one another's
// seeded generator, so a seeded training run would start from weights that depend on what else happens to run.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
