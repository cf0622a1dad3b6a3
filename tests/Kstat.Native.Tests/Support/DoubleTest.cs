using Kstat.Tree;

namespace Kstat.Native.Tests.Support;

/// <summary>The collection of every test that uses the libkstat test double: its kernel is one global state, so they run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DoubleKernel
{
    public const string Name = "libkstat test double";
}

/// <summary>A test over the libkstat test double: starts from a fresh double kernel and checks that nothing leaked.</summary>
[Collection(DoubleKernel.Name)]
public abstract class DoubleTest : IDisposable
{
    /// <summary>Options without waiting on EAGAIN, so retry tests stay fast.</summary>
    protected static readonly LibKstatChainOptions NoDelay = new() { RetryDelay = TimeSpan.Zero };

    protected DoubleTest()
    {
        KstatDouble.Touch();
        KstatDouble.kd_reset();
        Assert.Equal(0, KstatDouble.kd_open_handles());
    }

    /// <summary>Opens a chain over the double.</summary>
    protected static LibKstatChain Open(LibKstatChainOptions? options = null) => new(options ?? NoDelay);

    /// <summary>Finds a header of the chain by its key.</summary>
    protected static KstatHeader HeaderOf(IKstatChain chain, string key) =>
        chain.Headers.Single(h => h.Key == key);

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        KstatDouble.kd_reset();
    }
}
