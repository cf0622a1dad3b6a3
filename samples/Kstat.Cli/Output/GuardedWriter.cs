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

    public override void Write(char value) => Guard(() => inner.Write(value));

    public override void Write(string? value) => Guard(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Write(buffer.ToString());

    public override void Flush()
    {
        if (!_closed)
        {
            Guard(inner.Flush);
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

    private void Guard(Action write)
    {
        if (_closed)
        {
            throw new OutputFailedException();
        }

        try
        {
            write();
        }
        catch (IOException e)
        {
            _closed = true;
            throw new OutputFailedException(e);
        }
    }
}
