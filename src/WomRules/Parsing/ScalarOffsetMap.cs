using WomRules.Text;

namespace WomRules.Parsing;

/// <summary>
/// Maps character indexes in a scalar's value (an expression, say) back to offsets in the file, so that a
/// diagnostic inside an expression embedded in YAML points at the offending operand, not at the scalar's start.
/// </summary>
internal sealed class ScalarOffsetMap
{
    private readonly int start;
    private readonly int[]? offsets;

    private ScalarOffsetMap(int start, int[]? offsets)
    {
        this.start = start;
        this.offsets = offsets;
    }

    /// <summary>A value that appears verbatim in the file at <paramref name="fileStart"/> (a plain one-line scalar, a DSL expression).</summary>
    public static ScalarOffsetMap Verbatim(int fileStart) => new(fileStart, null);

    /// <summary>A value whose characters sit at the given file offsets; <paramref name="offsets"/> has one entry per value character plus one for the end.</summary>
    public static ScalarOffsetMap FromOffsets(int[] offsets) => new(0, offsets);

    public int ToFileOffset(int index)
    {
        if (offsets is null)
        {
            return start + index;
        }

        return offsets[Math.Clamp(index, 0, offsets.Length - 1)];
    }

    /// <summary>The file span of the value characters [localStart, localEnd).</summary>
    public TextSpan ToFileSpan(int localStart, int localEnd)
    {
        var fileStart = ToFileOffset(localStart);
        var fileEnd = localEnd > localStart ? ToFileOffset(localEnd - 1) + 1 : fileStart;
        return TextSpan.FromBounds(fileStart, Math.Max(fileStart, fileEnd));
    }
}
