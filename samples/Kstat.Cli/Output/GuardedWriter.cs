using System.Text;

namespace Kstat.Cli.Output;

/// <summary>
/// Wraps stdout so that its failures (an <see cref="IOException"/>: a full disk) surface as
/// <see cref="OutputFailedException"/>, distinct from I/O errors of the source.
/// </summary>
/// <remarks>After the first failure every write throws again (so an endless interval run stops) and flushes do nothing.</remarks>
internal sealed class GuardedWriter(TextWriter inner) : TextWriter
{
    private bool _closed;

    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override string NewLine
    {
        get => inner.NewLine;
#pragma warning disable CS8765 // TextWriter.NewLine's setter accepts null; pass it on unchanged.
        set => inner.NewLine = value;
#pragma warning restore CS8765
    }

    // Each write goes to the same overload of the inner writer, through static lambdas: a capturing lambda would
    // allocate a delegate and a closure per write (several per line), and a whole run of kstat pays for every fresh
    // page of memory it touches.
    public override void Write(char value) => Guard(value, static (w, v) => w.Write(v));

    public override void Write(string? value) => Guard(value, static (w, v) => w.Write(v));

    public override void Write(char[] buffer, int index, int count) =>
        Guard((buffer, index, count), static (w, a) => w.Write(a.buffer, a.index, a.count));

    public override void Write(ReadOnlySpan<char> buffer) => Guard(buffer, static (w, b) => w.Write(b));

    public override void Flush()
    {
        if (!_closed)
        {
            Guard(0, static (w, _) => w.Flush());
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_closed)
        {
            try
            {
                inner.Flush();
            }
            catch (IOException)
            {
                _closed = true;
            }
        }

        base.Dispose(disposing);
    }

    private void Guard<T>(T value, Action<TextWriter, T> write)
        where T : allows ref struct
    {
        if (_closed)
        {
            throw new OutputFailedException();
        }

        try
        {
            write(inner, value);
        }
        catch (IOException e)
        {
            _closed = true;
            throw new OutputFailedException(e);
        }
    }
}
