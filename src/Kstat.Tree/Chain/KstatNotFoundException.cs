namespace Kstat.Tree;

/// <summary>A kstat does not exist (any more): it was removed from the chain (<c>ENXIO</c> from <c>kstat_read</c>).</summary>
public class KstatNotFoundException : KstatException
{
    /// <summary>Initializes a new instance for the kstat <paramref name="key"/>.</summary>
    /// <param name="key">The kstat's <c>"module:instance:name"</c>.</param>
    /// <param name="message">What failed; by default a sentence naming the key.</param>
    /// <param name="errno">The <c>errno</c> value, when a native call failed.</param>
    public KstatNotFoundException(string key, string? message = null, int errno = 0)
        : base(message ?? $"The kstat '{key}' no longer exists.", errno)
    {
        Key = key;
    }

    /// <summary>Initializes a new instance with no key.</summary>
    public KstatNotFoundException()
    {
        Key = string.Empty;
    }

    /// <summary>Initializes a new instance with a message and an inner exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public KstatNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Key = string.Empty;
    }

    /// <summary>Gets the <c>"module:instance:name"</c> of the kstat that was not found.</summary>
    public string Key { get; }
}
