namespace ResidentBot.Bot.Officials.CaseCard;

/// <summary>Button actions of officials (prefix <c>o.</c>; residents use <c>r.</c>, the chase <c>s.</c>).</summary>
internal static class OfficialActions
{
    public const string Acknowledge = "o.ack";
    public const string Reply = "o.rpl";
    public const string Resolve = "o.res";
    public const string Transfer = "o.trf";
    public const string Reject = "o.rej";

    /// <summary>Ask the resident for missing information; the case waits for their answer.</summary>
    public const string AskResident = "o.ask";

    /// <summary>Mark the case a duplicate of another (its tracking code follows as text).</summary>
    public const string MarkDuplicate = "o.dup";

    /// <summary>Transfer, step two: the ward was chosen (argument <c>caseId.areaId</c>).</summary>
    public const string TransferWard = "o.trw";

    /// <summary>Transfer, step three: the category was chosen (argument <c>caseId.categoryId</c>).</summary>
    public const string TransferCategory = "o.trc";

    /// <summary>Splits a button argument made of ids joined by '.' (':' is reserved by the codec).</summary>
    public static bool TryParseIds(string argument, out long[] ids)
    {
        var parts = argument.Split('.');
        ids = new long[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!long.TryParse(parts[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out ids[i]))
            {
                return false;
            }
        }

        return true;
    }
}
