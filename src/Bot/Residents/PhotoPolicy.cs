using Microsoft.Extensions.Options;
using ResidentBot.Bot.Channels;
using ResidentBot.Bot.Channels.Telegram;

namespace ResidentBot.Bot.Residents;

/// <summary>Which photos a resident may attach: the size the bot can later download, and a count per report.</summary>
internal sealed class PhotoPolicy(IOptions<TelegramOptions> telegram)
{
    public const int MaxPerReport = 10;

    public int MaxBytes => telegram.Value.MaxPhotoBytes;

    /// <summary>The first photo over the size limit, if any (unknown sizes pass: the download checks again).</summary>
    public InboundFile? FirstTooLarge(IEnumerable<InboundFile> photos) =>
        photos.FirstOrDefault(p => p.SizeBytes is { } size && size > MaxBytes);

    public static double Megabytes(long bytes) => bytes / (1024.0 * 1024.0);
}
