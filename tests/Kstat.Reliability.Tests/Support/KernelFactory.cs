namespace Kstat.Reliability.Tests.Support;

/// <summary>The kernels a reliability test runs on: the in-memory twin always, the C test double when it is built.</summary>
public static class KernelFactory
{
    public static TheoryData<string> Names
    {
        get
        {
            var names = new TheoryData<string> { "memory" };
            if (LibKstatDouble.IsBuilt)
            {
                names.Add("double");
            }

            return names;
        }
    }

    public static IChurnKernel Create(string name) => name switch
    {
        "memory" => new MemoryKernel(),
        "double" => new DoubleKernel(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown kernel"),
    };
}
