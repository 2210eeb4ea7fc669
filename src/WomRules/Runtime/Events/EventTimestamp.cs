using System.Globalization;

namespace WomRules.Runtime;

/// <summary>
/// Reads an event's <c>at</c>. The common ISO 8601 forms are read straight from UTF-8 bytes; anything else goes
/// through <see cref="DateTimeOffset.TryParse(string, IFormatProvider, DateTimeStyles, out DateTimeOffset)"/>, which
/// is the definition of what <c>at</c> accepts (a time without an offset is UTC).
/// </summary>
internal static class EventTimestamp
{
    private const int DateTimeLength = 19; // yyyy-MM-ddTHH:mm:ss

    /// <summary>Parses <paramref name="text"/> as the events file's definition does; the result is in UTC.</summary>
    public static bool TryParse(string? text, out DateTime utc)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            utc = parsed.UtcDateTime;
            return true;
        }

        utc = default;
        return false;
    }

    /// <summary>
    /// Reads <c>yyyy-MM-ddTHH:mm:ss[.f to fffffff][Z|±hh:mm]</c>. False means "not this shape" (or out of range),
    /// not "invalid": the caller then asks <see cref="TryParse(string?, out DateTime)"/>, so every answer this
    /// gives is one that method would give too.
    /// </summary>
    public static bool TryParseCommon(ReadOnlySpan<byte> text, out DateTime utc)
    {
        utc = default;
        if (text.Length < DateTimeLength
            || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':'
            || !TryDigits(text, 0, 4, out var year) || !TryDigits(text, 5, 2, out var month) || !TryDigits(text, 8, 2, out var day)
            || !TryDigits(text, 11, 2, out var hour) || !TryDigits(text, 14, 2, out var minute) || !TryDigits(text, 17, 2, out var second)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks;
        var position = DateTimeLength;
        if (position < text.Length && text[position] == '.')
        {
            // Seven digits are exactly ticks; more would need rounding, so they are left to the general parser.
            var digits = 0;
            long fraction = 0;
            position++;
            while (position < text.Length && IsDigit(text[position]))
            {
                if (++digits > 7)
                {
                    return false;
                }

                fraction = (fraction * 10) + (text[position++] - '0');
            }

            if (digits == 0)
            {
                return false;
            }

            for (var i = digits; i < 7; i++)
            {
                fraction *= 10;
            }

            ticks += fraction;
        }

        long offsetTicks = 0;
        if (position < text.Length)
        {
            var sign = text[position];
            if (sign == 'Z' && position + 1 == text.Length)
            {
                position++;
            }
            else if ((sign == '+' || sign == '-') && text.Length - position == 6 && text[position + 3] == ':'
                     && TryDigits(text, position + 1, 2, out var offsetHours) && TryDigits(text, position + 4, 2, out var offsetMinutes)
                     && OffsetMinutes(offsetHours, offsetMinutes) <= 14 * 60)
            {
                offsetTicks = OffsetMinutes(offsetHours, offsetMinutes) * TimeSpan.TicksPerMinute * (sign == '-' ? -1 : 1);
                position += 6;
            }
            else
            {
                return false;
            }
        }

        // The instant must be a DateTime too (0001-01-01T00:30+01:00 is not), as DateTimeOffset requires.
        var utcTicks = ticks - offsetTicks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        utc = new DateTime(utcTicks, DateTimeKind.Utc);
        return true;
    }

    // Minutes past 59 are not an offset: they count as out of range.
    private static long OffsetMinutes(int hours, int minutes) => minutes > 59 ? long.MaxValue : (hours * 60L) + minutes;

    private static bool TryDigits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!IsDigit(text[i]))
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
