using System.Globalization;
using Microsoft.Extensions.Localization;
using Vigil.Domain.Regimes;

namespace Vigil.Server.Infrastructure.Web;

/// <summary>A duration on a page ("2,762 d 7 h"): the CLI's shape (<see cref="DurationText"/>) in the reader's words and digits.</summary>
public static class PageDuration
{
    public static string Format(TimeSpan span, IStringLocalizer<WebText> text) => Format(TimeLeft.Of(span), text);

    public static string Format(TimeLeft left, IStringLocalizer<WebText> text) =>
        DurationText.Format(left, new DurationUnits(text["Days"], text["Days"], text["Hours"], text["Minutes"]), CultureInfo.CurrentCulture);
}
