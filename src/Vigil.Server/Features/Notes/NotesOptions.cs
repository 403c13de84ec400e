using System.ComponentModel.DataAnnotations;

namespace Vigil.Server.Features.Notes;

/// <summary>How notes are numbered. Section "Notes".</summary>
public sealed class NotesOptions
{
    public const string Section = "Notes";

    /// <summary>Note ids read PREFIX-YEAR-NUMBER, such as VIGN-2026-0001; the number restarts each year.</summary>
    [Required]
    [RegularExpression("^[A-Z][A-Z0-9]{1,15}$", ErrorMessage = "Notes:IdPrefix must be 2 to 16 upper-case letters or digits, starting with a letter.")]
    public string IdPrefix { get; set; } = "VIGN";

    /// <summary>The number is padded with zeros to this many digits.</summary>
    [Range(1, 9)]
    public int NumberDigits { get; set; } = 4;

    public string Format(int year, int number) =>
        FormattableString.Invariant($"{IdPrefix}-{year:D4}-{number.ToString("D" + NumberDigits, System.Globalization.CultureInfo.InvariantCulture)}");
}
