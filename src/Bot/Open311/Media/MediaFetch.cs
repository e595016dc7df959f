namespace ResidentBot.Bot.Open311.Media;

/// <summary>What one fetch of a <c>media_url</c> gave.</summary>
internal enum MediaOutcome
{
    /// <summary>A checked image, in <see cref="MediaFetch.Bytes"/>.</summary>
    Fetched,

    /// <summary>A guard said no: never tried again.</summary>
    Refused,

    /// <summary>The network or the server failed: worth trying again later.</summary>
    Failed,

    /// <summary>The server answered that there is nothing to fetch (404, 403…): not tried again.</summary>
    Gone,
}

/// <summary>The outcome of a fetch: the image and what it is, or why there is none.</summary>
internal sealed record MediaFetch(MediaOutcome Outcome, string? Problem, ReadOnlyMemory<byte> Bytes = default, string? Extension = null, string? ContentType = null)
{
    public static MediaFetch Refused(string problem) => new(MediaOutcome.Refused, problem);

    public static MediaFetch Failed(string problem) => new(MediaOutcome.Failed, problem);

    public static MediaFetch Gone(string problem) => new(MediaOutcome.Gone, problem);
}
