using System.Globalization;
using System.Text;
using Kstat.Tree;

namespace Kstat.Cli;

/// <summary>
/// Parses a kstat(1) command line the way illumos <c>kstat.c</c> does: <c>getopt(3C)</c> with the option string
/// <c>h?CqjlpT:m:i:n:s:c:</c>, then each operand tried as a number (<c>strtoul</c>) and otherwise split into a selector.
/// </summary>
/// <remarks>
/// <para>Hand-written rather than System.CommandLine: kstat(1)'s contract is its byte-exact usage text and messages
/// (two of them without a newline), POSIX getopt's rules (clustered flags, <c>-Tu</c>, options end at the first
/// operand or at <c>--</c>), and <c>strtoul</c>'s idea of a number (<c>+5</c> is an interval, <c>5s</c> a selector,
/// <c>-1</c> an invalid interval). A general-purpose parser would have to be bent back into each of these.</para>
/// <para>Deliberate differences, all additions: <c>--file CAPTURE</c> (or <c>--file=CAPTURE</c>; <c>-</c> for
/// stdin) may appear among the options or the operands; an illegal option or a missing option argument exits with 2 (illumos exits 0, because
/// its <c>'?'</c> case is shared with the help request <c>-?</c>); a malformed regular expression is reported while
/// parsing, with its column, instead of at the first match.</para>
/// </remarks>
internal sealed class KstatOptionParser
{
    /// <summary>The usage text of illumos kstat(1), to stderr.</summary>
    public const string Usage =
        "Usage:\n" +
        "kstat [ -Cjlpq ] [ -T d|u ] [ -c class ]\n" +
        "      [ -m module ] [ -i instance ] [ -n name ] [ -s statistic ]\n" +
        "      [ interval [ count ] ]\n" +
        "kstat [ -Cjlpq ] [ -T d|u ] [ -c class ]\n" +
        "      [ module[:instance[:name[:statistic]]] ... ]\n" +
        "      [ interval [ count ] ]\n";

    private const string FileOption = "--file";
    private const string OptionString = "h?CqjlpT:m:i:n:s:c:";

    private readonly IReadOnlyList<string> _args;
    private readonly StringBuilder _err = new();
    private readonly List<string> _selectorTexts = [];
    private int _index;
    private bool _p, _c, _l, _j, _q;
    private TimestampFormat _timestamp;
    private string? _module, _instance, _name, _statistic, _class, _file;
    private bool _named, _badTimestamp, _dashDash;
    private int _numbers, _interval;
    private int? _count = 1;

    private KstatOptionParser(IReadOnlyList<string> args) => _args = args;

    /// <summary>Parses the arguments (without the command name).</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The options, or the text and exit status to stop with.</returns>
    public static OptionParseResult Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var parser = new KstatOptionParser(args);
        try
        {
            return OptionParseResult.Run(parser.ParseAll());
        }
        catch (StopException stop)
        {
            return OptionParseResult.Stop(stop.ExitCode == ExitCodes.Usage ? parser._err.Append(Usage).ToString() : Usage, stop.ExitCode);
        }
    }

    private KstatOptions ParseAll()
    {
        ParseOptions();
        if (_q && (_j || _p))
        {
            Fail("-q and -lpj are mutually exclusive\n");
        }

        if (_badTimestamp)
        {
            Fail(string.Empty);
        }

        // After the options, as in kstat.c, every argument is an operand (a later "--" too), except our --file,
        // which an explicit "--" turns off.
        for (; _index < _args.Count; _index++)
        {
            if (_dashDash || !TakeFile())
            {
                ParseOperand(_args[_index]);
            }
        }

        if (_selectorTexts.Count > 0 && _named)
        {
            Fail("[module[:instance[:name[:statistic]]]] and -m -i -n -s are mutually exclusive");
        }

        return new KstatOptions
        {
            Parseable = _p,
            Colon = _c,
            NamesOnly = _l,
            Json = _j,
            Quiet = _q,
            Timestamp = _timestamp,
            CapturePath = _file,
            Selectors = BuildSelectors(),
            Interval = _interval,
            Count = _count,
        };
    }

    /// <summary>getopt: flags until the first operand, <c>-</c> alone, or <c>--</c>.</summary>
    private void ParseOptions()
    {
        while (_index < _args.Count)
        {
            string arg = _args[_index];
            if (arg == "--")
            {
                _index++;
                _dashDash = true;
                return;
            }

            if (TakeFile())
            {
                _index++;
                continue;
            }

            if (arg.Length < 2 || arg[0] != '-')
            {
                return;
            }

            if (arg[1] == '-')
            {
                // illumos getopt takes "--name" as a long option; kstat's option string has none, so it names the whole word.
                Fail(string.Create(CultureInfo.InvariantCulture, $"kstat: illegal option -- {arg[2..]}\n"));
            }

            _index++;
            for (int at = 1; at < arg.Length; at++)
            {
                char option = arg[at];
                int spec = option == ':' ? -1 : OptionString.IndexOf(option, StringComparison.Ordinal);
                if (spec < 0)
                {
                    Fail(string.Create(CultureInfo.InvariantCulture, $"kstat: illegal option -- {option}\n"));
                }

                string value = string.Empty;
                if (spec + 1 < OptionString.Length && OptionString[spec + 1] == ':')
                {
                    value = at + 1 < arg.Length ? arg[(at + 1)..]
                        : _index < _args.Count ? _args[_index++]
                        : Fail(string.Create(CultureInfo.InvariantCulture, $"kstat: option requires an argument -- {option}\n"));
                    at = arg.Length;
                }

                Apply(option, value);
            }
        }
    }

    private void Apply(char option, string value)
    {
        switch (option)
        {
            case 'h' or '?':
                throw new StopException(ExitCodes.Matched);
            case 'C':
                _p = _c = true;
                break;
            case 'q':
                _q = true;
                break;
            case 'j':
                _j = true;
                break;
            case 'l':
                _p = _l = true;
                break;
            case 'p':
                _p = true;
                break;
            case 'T':
                // As in kstat.c only the first character counts ("-T date" is -T d); a bad one is reported after getopt.
                switch (value.Length > 0 ? value[0] : '\0')
                {
                    case 'd':
                        _timestamp = TimestampFormat.Date;
                        break;
                    case 'u':
                        _timestamp = TimestampFormat.Unix;
                        break;
                    default:
                        _badTimestamp = true;
                        break;
                }

                break;
            case 'm':
                (_module, _named) = (value, true);
                break;
            case 'i':
                (_instance, _named) = (value, true);
                break;
            case 'n':
                (_name, _named) = (value, true);
                break;
            case 's':
                (_statistic, _named) = (value, true);
                break;
            case 'c':
                _class = value;
                break;
        }
    }

    /// <summary>One operand: an interval, a count, or a selector.</summary>
    private void ParseOperand(string operand)
    {
        var number = CNumber.StrToUL(operand);
        if (number.Overflow)
        {
            Fail(_numbers switch { 0 => "Interval is too large\n", 1 => "Count is too large\n", _ => string.Empty });
        }

        if (!number.IsNumber)
        {
            if (operand.Split(':').Length > 4)
            {
                Fail(string.Empty);
            }

            _selectorTexts.Add(operand);
            return;
        }

        // kstat.c keeps strtoul's result in an int: the low 32 bits, signed.
        int value = unchecked((int)number.Value);
        if (value < 1)
        {
            // kstat.c prints these two without a newline: the usage follows on the same line.
            Fail(_numbers switch { 0 => "Interval must be an integer >= 1", 1 => "Count must be an integer >= 1", _ => string.Empty });
        }

        switch (_numbers++)
        {
            case 0:
                _interval = value;
                _count = null;
                break;
            case 1:
                _count = value;
                break;
            default:
                Fail(string.Empty);
                break;
        }
    }

    private List<KstatSelector> BuildSelectors()
    {
        try
        {
            if (_selectorTexts.Count == 0)
            {
                return [KstatSelector.Create(_module, _instance, _name, _statistic, _class)];
            }

            return _selectorTexts.Select(text => KstatSelector.Parse(text).WithClass(_class)).ToList();
        }
        catch (FormatException e)
        {
            // kstat.c prints regerror(3C)'s text this way; ours also says where the expression went wrong.
            return Fail<List<KstatSelector>>(string.Create(CultureInfo.InvariantCulture, $"kstat: {e.Message}\n"));
        }
    }

    /// <summary>Takes <c>--file PATH</c> or <c>--file=PATH</c> at the current index; leaves the index on its last argument.</summary>
    private bool TakeFile()
    {
        string arg = _args[_index];
        if (arg == FileOption)
        {
            _file = ++_index < _args.Count ? _args[_index] : Fail("kstat: option requires an argument -- file\n");
            return true;
        }

        if (arg.StartsWith(FileOption + "=", StringComparison.Ordinal))
        {
            _file = arg[(FileOption.Length + 1)..];
            return true;
        }

        return false;
    }

    private string Fail(string message) => Fail<string>(message);

    private T Fail<T>(string message)
    {
        _err.Append(message);
        throw new StopException(ExitCodes.Usage);
    }

    /// <summary>Ends parsing: usage (with the messages so far) and an exit status.</summary>
    private sealed class StopException(int exitCode) : Exception
    {
        public int ExitCode { get; } = exitCode;
    }
}
