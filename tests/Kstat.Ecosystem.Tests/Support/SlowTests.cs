namespace Kstat.Ecosystem.Tests.Support;

/// <summary>
/// The tests that start <c>dotnet build</c>/<c>pack</c>/<c>run</c>: one at a time (they are CPU-heavy), and
/// tagged <c>[Trait("Category", "Slow")]</c> so <c>dotnet test --filter Category!=Slow</c> skips them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SlowTests
{
    public const string Name = "dotnet processes";
}
