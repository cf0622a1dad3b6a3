using Kstat.Tree;

namespace Kstat.Native.Tests.Support;

/// <summary>The collection of every test that uses the libkstat test double: its kernel is one global state, so they run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DoubleKernel
{
    public const string Name = "libkstat test double";
}

/// <summary>
/// A test over the libkstat test double: starts from a fresh double kernel and, at the end, checks that nothing
/// handed the double a <c>kstat_t</c> it had freed (its poisoned-use counter).
/// </summary>
[Collection(DoubleKernel.Name)]
public abstract class DoubleTest : IDisposable
{
    protected DoubleTest()
    {
        KstatDouble.Touch();
        KstatDouble.kd_reset();
        Assert.Equal(0, KstatDouble.kd_open_handles());
    }

    /// <summary>Opens a chain over the double.</summary>
    protected static LibKstatChain Open(LibKstatChainOptions? options = null) => new(options ?? new LibKstatChainOptions());

    /// <summary>Gets or sets how many uses of a freed <c>kstat_t</c> the test makes on purpose (only the double's own tests do).</summary>
    protected long ExpectedPoisonedUses { get; set; }

    /// <summary>Finds a header of the chain by its key.</summary>
    protected static KstatHeader HeaderOf(IKstatChain chain, string key) =>
        chain.Headers.Single(h => h.Key == key);

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        long poisoned = KstatDouble.kd_poisoned_uses();
        string where = KstatDouble.LastError;
        KstatDouble.kd_reset();
        Assert.True(poisoned == ExpectedPoisonedUses, $"{poisoned} calls handed the double a freed kstat_t ({where}); expected {ExpectedPoisonedUses}");
    }
}
