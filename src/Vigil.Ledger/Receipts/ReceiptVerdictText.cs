using System.Globalization;
using System.Resources;

namespace Vigil.Ledger.Receipts;

/// <summary>A receipt verdict's sentences (ReceiptVerdictText.resx, ReceiptVerdictText.hi.resx), shared by the pages and `vigil verify`.</summary>
public sealed class ReceiptVerdictText
{
    private static readonly ResourceManager Texts = new(typeof(ReceiptVerdictText).FullName!, typeof(ReceiptVerdictText).Assembly);

    private ReceiptVerdictText()
    {
    }

    /// <summary>The sentence <paramref name="name"/> in English, numbers written as the receipt writes them.</summary>
    public static string English(string name, params object[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, Texts.GetString(name, CultureInfo.InvariantCulture)!, arguments);
}
