namespace Kstat.Tree;

/// <summary>A kstat does not exist (any more): it was removed from the chain (<c>ENXIO</c> from <c>kstat_read</c>).</summary>
public class KstatNotFoundException : KstatException
{
    /// <summary>Initializes a new instance with no message and no key.</summary>
    public KstatNotFoundException()
    {
        Key = string.Empty;
    }

    /// <summary>Initializes a new instance with a message and no key.</summary>
    /// <param name="message">What failed.</param>
    public KstatNotFoundException(string message)
        : base(message)
    {
        Key = string.Empty;
    }

    /// <summary>Initializes a new instance for the kstat <paramref name="key"/>.</summary>
    /// <param name="message">What failed, or <c>null</c> for a sentence naming the key.</param>
    /// <param name="key">The kstat's <c>"module:instance:name"</c>.</param>
    public KstatNotFoundException(string? message, string key)
        : this(message, key, 0)
    {
    }

    /// <summary>Initializes a new instance for the kstat <paramref name="key"/> that a native call did not find.</summary>
    /// <param name="message">What failed, or <c>null</c> for a sentence naming the key.</param>
    /// <param name="key">The kstat's <c>"module:instance:name"</c>.</param>
    /// <param name="errno">The <c>errno</c> value of the failed call (<c>ENXIO</c>).</param>
    public KstatNotFoundException(string? message, string key, int errno)
        : base(message ?? $"The kstat '{key}' no longer exists.", errno)
    {
        ArgumentNullException.ThrowIfNull(key);
        Key = key;
    }

    /// <summary>Initializes a new instance with a message and an inner exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public KstatNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Key = string.Empty;
    }

    /// <summary>Gets the <c>"module:instance:name"</c> of the kstat that was not found, or the empty string when the exception names none.</summary>
    public string Key { get; }
}
