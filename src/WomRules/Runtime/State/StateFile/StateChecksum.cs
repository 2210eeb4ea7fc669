using System.Security.Cryptography;
using System.Text;

namespace WomRules.Runtime;

/// <summary>
/// The state file's checksum (docs/semantics.md, "State file"): <c>"checksum": "sha256:&lt;64 lower-case hex digits&gt;"</c>,
/// the SHA-256 of the file's bytes with those 64 digits replaced by 64 ASCII zeros. Every other byte is covered, so a
/// truncated or edited file no longer matches, and anyone can recompute it with a few lines of script.
/// </summary>
internal static class StateChecksum
{
    public const string Prefix = "sha256:";

    /// <summary>The number of hex digits of the value.</summary>
    public const int DigitCount = 64;

    /// <summary>The value a fresh file is written with, before <see cref="Seal"/> puts in the digits.</summary>
    public static readonly string Placeholder = Prefix + new string('0', DigitCount);

    /// <summary>Whether <paramref name="value"/> is the checksum's form: the prefix, then 64 lower-case hex digits.</summary>
    public static bool IsWellFormed(string value) =>
        value.Length == Prefix.Length + DigitCount
        && value.StartsWith(Prefix, StringComparison.Ordinal)
        && value.AsSpan(Prefix.Length).ContainsAnyExcept("0123456789abcdef") is false;

    /// <summary>The digits the file should hold, given the offset of the first digit.</summary>
    public static string Compute(ReadOnlySpan<byte> file, int digitsOffset)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(file[..digitsOffset]);
        Span<byte> zeros = stackalloc byte[DigitCount];
        zeros.Fill((byte)'0');
        hash.AppendData(zeros);
        hash.AppendData(file[(digitsOffset + DigitCount)..]);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Writes the right digits into <paramref name="file"/> in place.</summary>
    public static void Seal(Span<byte> file, int digitsOffset) =>
        Encoding.ASCII.GetBytes(Compute(file, digitsOffset), file.Slice(digitsOffset, DigitCount));
}
