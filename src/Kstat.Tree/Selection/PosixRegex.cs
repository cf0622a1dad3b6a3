using System.Buffers;
using System.Runtime.CompilerServices;

namespace Kstat.Tree;

/// <summary>
/// A POSIX extended regular expression as illumos <c>regcomp(REG_EXTENDED | REG_NOSUB)</c> reads it and
/// <c>regexec</c> matches it (C locale), compiled to a Thompson automaton and run over all its states at once:
/// the time of a match is linear in the length of the text, whatever the expression.
/// </summary>
/// <remarks>
/// <para>Only a yes/no answer is needed (kstat(1) passes <c>REG_NOSUB</c>), so no submatch is tracked. The match
/// is unanchored: a new attempt starts at every position.</para>
/// <para>Assertions are crossed as Henry Spencer's engine crosses them: at each position first <c>^</c> and
/// <c>$</c> where they hold, then once the word boundary that holds there (<c>\&lt;</c> where a word character
/// follows the start or a non-word character, <c>\&gt;</c> where a word character precedes the end or a
/// non-word character; word characters are ASCII letters, digits and <c>_</c>). So, as in illumos,
/// <c>/a$\&gt;/</c> matches <c>a</c> but <c>/a\&gt;$/</c> does not.</para>
/// <para>Immutable after compilation; <see cref="IsMatch"/> is thread safe.</para>
/// </remarks>
internal sealed class PosixRegex
{
    /// <summary>The most states an expression may expand to (bounds copy their operand): beyond, <c>REG_ESPACE</c>.</summary>
    internal const int MaxStates = 1 << 18;

    private const int StackAllocLimit = 128;

    private readonly Op[] _op;
    private readonly int[] _arg;  // the character, the set index or the assertion
    private readonly int[] _next;
    private readonly int[] _alt;  // a split's second way
    private readonly RegexCharSet[] _sets;
    private readonly int _start;
    private readonly RegexAssertion _assertions; // those the expression uses

    private PosixRegex(Builder builder, int start)
    {
        _op = [.. builder.Ops];
        _arg = [.. builder.Args];
        _next = [.. builder.Nexts];
        _alt = [.. builder.Alts];
        _sets = [.. builder.Sets];
        _start = start;
        _assertions = builder.Assertions;
    }

    private enum Op : byte
    {
        Match,
        Char,
        Any,
        Set,
        Split,
        Assert,
    }

    /// <summary>Compiles the expression between the slashes of a pattern.</summary>
    /// <param name="pattern">The pattern as written, <c>/ERE/</c>.</param>
    /// <returns>The compiled expression.</returns>
    /// <exception cref="PatternSyntaxException">The expression is not one that illumos regcomp accepts.</exception>
    public static PosixRegex Compile(string pattern)
    {
        var root = PosixRegexParser.Parse(pattern, 1, pattern.Length - 1);
        var builder = new Builder(pattern);
        try
        {
            int match = builder.Emit(Op.Match, 0, -1);
            return new PosixRegex(builder, builder.Compile(root, match));
        }
        catch (InsufficientExecutionStackException)
        {
            throw new PatternSyntaxException(RegexError.Space, pattern, 0);
        }
    }

    /// <summary>Tells whether the expression matches anywhere in <paramref name="text"/>.</summary>
    public bool IsMatch(string text)
    {
        int states = _op.Length;
        int[]? rented = null;
        // Two state sets of two arrays each, and a stack for the closure: a state pushes at most its two successors.
        Span<int> memory = states <= StackAllocLimit
            ? stackalloc int[(6 * states) + 1]
            : (rented = ArrayPool<int>.Shared.Rent((6 * states) + 1));
        try
        {
            return Run(text, memory, states);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    private bool Run(string text, Span<int> memory, int states)
    {
        var current = new StateSet(memory.Slice(0, states), memory.Slice(states, states));
        var next = new StateSet(memory.Slice(2 * states, states), memory.Slice(3 * states, states));
        var stack = memory.Slice(4 * states, (2 * states) + 1);
        Close(ref current, _start, RegexAssertion.None, stack);
        int n = text.Length;
        for (int p = 0; ; p++)
        {
            var line = (p == 0 ? RegexAssertion.LineStart : 0) | (p == n ? RegexAssertion.LineEnd : 0);
            if ((line & _assertions) != 0)
            {
                Cross(ref current, line, stack);
            }

            bool wordBefore = p > 0 && IsWord(text[p - 1]);
            bool wordAfter = p < n && IsWord(text[p]);
            var word = !wordBefore && wordAfter ? RegexAssertion.WordStart
                : wordBefore && !wordAfter ? RegexAssertion.WordEnd
                : RegexAssertion.None;
            if ((word & _assertions) != 0)
            {
                Cross(ref current, word, stack);
            }

            if (current.Contains(0))
            {
                return true; // state 0 is the match
            }

            if (p == n)
            {
                return false;
            }

            char c = text[p];
            next.Clear();
            foreach (int s in current.States)
            {
                bool step = _op[s] switch
                {
                    Op.Char => _arg[s] == c,
                    Op.Any => true,
                    Op.Set => _sets[_arg[s]].Contains(c),
                    _ => false,
                };

                if (step)
                {
                    Close(ref next, _next[s], RegexAssertion.None, stack);
                }
            }

            Close(ref next, _start, RegexAssertion.None, stack);
            var done = current;
            current = next;
            next = done;
        }
    }

    // Adds a state and every state it reaches without reading a character, crossing the assertions in `holds`.
    private void Close(ref StateSet set, int state, RegexAssertion holds, Span<int> stack)
    {
        int top = 0;
        stack[top++] = state;
        while (top > 0)
        {
            int s = stack[--top];
            if (!set.Add(s))
            {
                continue;
            }

            switch (_op[s])
            {
                case Op.Split:
                    stack[top++] = _alt[s];
                    stack[top++] = _next[s];
                    break;
                case Op.Assert when ((RegexAssertion)_arg[s] & holds) != 0:
                    stack[top++] = _next[s];
                    break;
            }
        }
    }

    // Crosses the assertions in `holds` from every state the set has reached so far.
    private void Cross(ref StateSet set, RegexAssertion holds, Span<int> stack)
    {
        for (int i = 0; i < set.Count; i++)
        {
            int s = set.States[i];
            if (_op[s] == Op.Assert && ((RegexAssertion)_arg[s] & holds) != 0)
            {
                Close(ref set, _next[s], holds, stack);
            }
        }
    }

    // ISWORD in the C locale.
    private static bool IsWord(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>A set of states in insertion order with constant-time membership over memory that need not be cleared (Briggs and Torczon's sparse set).</summary>
    private ref struct StateSet(Span<int> dense, Span<int> sparse)
    {
        private readonly Span<int> _dense = dense;
        private readonly Span<int> _sparse = sparse;

        public int Count { get; private set; }

        public readonly ReadOnlySpan<int> States => _dense[..Count];

        public readonly bool Contains(int state)
        {
            int i = _sparse[state];
            return (uint)i < (uint)Count && _dense[i] == state;
        }

        /// <summary>Adds a state; false when it was there already.</summary>
        public bool Add(int state)
        {
            if (Contains(state))
            {
                return false;
            }

            _sparse[state] = Count;
            _dense[Count++] = state;
            return true;
        }

        public void Clear() => Count = 0;
    }

    /// <summary>Turns the parsed expression into states, each bound copied out as regcomp copies it.</summary>
    private sealed class Builder(string pattern)
    {
        public List<Op> Ops { get; } = [];

        public List<int> Args { get; } = [];

        public List<int> Nexts { get; } = [];

        public List<int> Alts { get; } = [];

        public List<RegexCharSet> Sets { get; } = [];

        public RegexAssertion Assertions { get; private set; }

        public int Emit(Op op, int arg, int next, int alt = -1)
        {
            if (Ops.Count >= MaxStates)
            {
                throw new PatternSyntaxException(RegexError.Space, pattern, 0);
            }

            Ops.Add(op);
            Args.Add(arg);
            Nexts.Add(next);
            Alts.Add(alt);
            return Ops.Count - 1;
        }

        // Compiles a node so that it continues to the state `next`; returns its first state. Built back to front.
        public int Compile(RegexNode node, int next)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            switch (node)
            {
                case RegexNode.Literal literal:
                    return Emit(Op.Char, literal.Char, next);
                case RegexNode.Any:
                    return Emit(Op.Any, 0, next);
                case RegexNode.Set set:
                    Sets.Add(set.Members);
                    return Emit(Op.Set, Sets.Count - 1, next);
                case RegexNode.Assert assert:
                    Assertions |= assert.Kind;
                    return Emit(Op.Assert, (int)assert.Kind, next);
                case RegexNode.Concat concat:
                    for (int i = concat.Items.Length - 1; i >= 0; i--)
                    {
                        next = Compile(concat.Items[i], next);
                    }

                    return next;
                case RegexNode.Alternation alternation:
                    int first = Compile(alternation.Branches[^1], next);
                    for (int i = alternation.Branches.Length - 2; i >= 0; i--)
                    {
                        first = Emit(Op.Split, 0, Compile(alternation.Branches[i], next), first);
                    }

                    return first;
                default:
                    return CompileRepeat((RegexNode.Repeat)node, next);
            }
        }

        // x{m,n} as m copies of x, then n-m nested optional copies (x(x)?)?; x{m,} as m copies, then a loop.
        private int CompileRepeat(RegexNode.Repeat repeat, int next)
        {
            int tail = next;
            if (repeat.Max == RegexNode.Repeat.Unbounded)
            {
                int loop = Emit(Op.Split, 0, -1, next);
                Nexts[loop] = Compile(repeat.Operand, loop);
                tail = loop;
            }
            else
            {
                for (int i = repeat.Min; i < repeat.Max; i++)
                {
                    tail = Emit(Op.Split, 0, Compile(repeat.Operand, tail), next);
                }
            }

            for (int i = 0; i < repeat.Min; i++)
            {
                tail = Compile(repeat.Operand, tail);
            }

            return tail;
        }
    }
}
