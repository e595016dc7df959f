using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Conversations;

namespace ResidentBot.Bot.Residents;

/// <summary>
/// Which photos a person may attach: those the intake could store (see <see cref="InboundFile.Problem"/>), within the
/// size their channel lets us download, and a count per report.
/// </summary>
internal sealed class PhotoPolicy(IEnumerable<IChannelSender> senders)
{
    public const int MaxPerReport = 10;

    private readonly Dictionary<string, long> maxBytes = senders.ToDictionary(s => s.Channel, s => s.Capabilities.MaxPhotoBytes, StringComparer.Ordinal);

    /// <summary>The photos of the turn's message that can be kept.</summary>
    public IReadOnlyList<InboundFile> Kept(Turn turn) => [.. turn.Message.Photos.Where(p => Problem(turn.Message.Channel, p) is null)];

    /// <summary>What to tell the person about the first photo that cannot be kept; null when every photo can.</summary>
    public string? Refusal(Turn turn)
    {
        var channel = turn.Message.Channel;
        var max = MaxBytes(channel);
        foreach (var photo in turn.Message.Photos)
        {
            switch (Problem(channel, photo))
            {
                case PhotoProblem.TooLarge:
                    return turn.T("Resident.Report.PhotoTooLarge", Megabytes(photo.SizeBytes ?? max + 1), Megabytes(max));
                case PhotoProblem.NotAnImage:
                    return turn.T("Resident.Photo.NotAnImage");
                case PhotoProblem.Unavailable:
                    return turn.T("Resident.Photo.Unavailable");
            }
        }

        return null;
    }

    public static double Megabytes(long bytes) => bytes / (1024.0 * 1024.0);

    private long MaxBytes(string channel) => maxBytes.GetValueOrDefault(channel, 10 * 1024 * 1024);

    // A channel whose photos are not fetched (no IChannelFiles) still has its declared size checked here.
    private PhotoProblem? Problem(string channel, InboundFile photo) =>
        photo.Problem ?? (photo.SizeBytes > MaxBytes(channel) ? PhotoProblem.TooLarge : null);
}
