using System.Text;
using Kstat.Cli.Output;

namespace Kstat.Cli;

/// <summary>stdout and stderr as kstat(1) treats them: through descriptors 1 and 2, with stdio's ways of failing.</summary>
internal static class StandardStreams
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>Opens stdout, buffered (the command flushes after each round).</summary>
    /// <remarks>
    /// A reader that goes away (<c>kstat -p 1 | head -1</c>) kills the process with SIGPIPE, as it kills kstat(1);
    /// a closed stdout (<c>kstat &gt;&amp;-</c>) takes the output silently; a failing one (a full disk) throws
    /// <see cref="IOException"/>.
    /// </remarks>
    public static TextWriter OpenOutput()
    {
        Stream stream;
        if (OperatingSystem.IsWindows())
        {
            stream = Console.OpenStandardOutput();
        }
        else
        {
            // Checked first thing: a file the command opens later would get descriptor 1 if it were free.
            stream = DescriptorStream.IsOpen(1) ? new DescriptorStream(1, ignoreErrors: false) : Stream.Null;
        }

        // 8 K characters: a larger buffer costs fresh pages at every start and saves nothing (kstat's rounds are small).
        return new StreamWriter(stream, Utf8, 1 << 13) { AutoFlush = false };
    }

    /// <summary>Opens stderr, unbuffered; a write that fails is ignored, as kstat(1) ignores it (<c>kstat -h 2&gt;&amp;-</c>).</summary>
    public static TextWriter OpenError()
    {
        if (OperatingSystem.IsWindows())
        {
            return new IgnoringWriter(Console.Error);
        }

        var stream = DescriptorStream.IsOpen(2) ? new DescriptorStream(2, ignoreErrors: true) : Stream.Null;
        return new StreamWriter(stream, Utf8, 1024) { AutoFlush = true };
    }

    /// <summary>A writer that drops what it cannot write.</summary>
    private sealed class IgnoringWriter(TextWriter inner) : TextWriter
    {
        public override Encoding Encoding => inner.Encoding;

        public override void Write(char value) => Try(() => inner.Write(value));

        public override void Write(string? value) => Try(() => inner.Write(value));

        public override void Flush() => Try(inner.Flush);

        private static void Try(Action write)
        {
            try
            {
                write();
            }
            catch (IOException)
            {
                // Nowhere left to say it.
            }
        }
    }
}
