namespace Kstat.Tree;

/// <summary>A kstat operation failed: the base of the library's exceptions.</summary>
public class KstatException : Exception
{
    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What failed.</param>
    public KstatException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public KstatException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance with a message and the <c>errno</c> a native call set.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="errno">The <c>errno</c> value.</param>
    public KstatException(string message, int errno)
        : base(message)
    {
        Errno = errno;
    }

    /// <summary>Initializes a new instance with no message.</summary>
    public KstatException()
    {
    }

    /// <summary>Gets the <c>errno</c> of the failed native call, or 0 when no native call failed.</summary>
    public int Errno { get; }
}
