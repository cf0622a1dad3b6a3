namespace Kstat.Tree;

/// <summary>The zero-width assertions of an illumos ERE: <c>^</c>, <c>$</c>, <c>\&lt;</c> (<c>[[:&lt;:]]</c>) and <c>\&gt;</c> (<c>[[:&gt;:]]</c>).</summary>
[Flags]
internal enum RegexAssertion
{
    None = 0,
    LineStart = 1,
    LineEnd = 2,
    WordStart = 4,
    WordEnd = 8,
}

/// <summary>A parsed extended regular expression, before it becomes an automaton.</summary>
internal abstract class RegexNode
{
    /// <summary>One character.</summary>
    public sealed class Literal(char c) : RegexNode
    {
        public char Char { get; } = c;
    }

    /// <summary><c>.</c>: any character (a newline too: kstat(1) does not pass <c>REG_NEWLINE</c>).</summary>
    public sealed class Any : RegexNode
    {
    }

    /// <summary>A bracket expression.</summary>
    public sealed class Set(RegexCharSet set) : RegexNode
    {
        public RegexCharSet Members { get; } = set;
    }

    /// <summary>A zero-width assertion.</summary>
    public sealed class Assert(RegexAssertion kind) : RegexNode
    {
        public RegexAssertion Kind { get; } = kind;
    }

    /// <summary>A sequence; empty for <c>()</c>.</summary>
    public sealed class Concat(RegexNode[] items) : RegexNode
    {
        public RegexNode[] Items { get; } = items;
    }

    /// <summary>Branches separated by <c>|</c>.</summary>
    public sealed class Alternation(RegexNode[] branches) : RegexNode
    {
        public RegexNode[] Branches { get; } = branches;
    }

    /// <summary><c>*</c>, <c>+</c>, <c>?</c> and <c>{m,n}</c>: <see cref="Max"/> is <see cref="Unbounded"/> for no upper bound.</summary>
    public sealed class Repeat(RegexNode operand, int min, int max) : RegexNode
    {
        public const int Unbounded = -1;

        public RegexNode Operand { get; } = operand;

        public int Min { get; } = min;

        public int Max { get; } = max;
    }
}
