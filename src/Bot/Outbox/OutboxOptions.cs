using System.ComponentModel.DataAnnotations;

namespace ResidentBot.Bot.Outbox;

internal sealed class OutboxOptions : IValidatableObject
{
    public const string Section = "Outbox";

    /// <summary>
    /// Limits per channel, keyed by channel name (<c>telegram</c>, <c>webchat</c>, <c>zalo</c>, <c>zalobot</c>): each channel
    /// is paced and paused on its own, so one channel's 429 never holds back another.
    /// </summary>
    public Dictionary<string, ChannelPacing> Channels { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Replaced by <c>Outbox:Channels:telegram:MessagesPerSecond</c>; refused at start so a setting is not silently lost.</summary>
    public string? MessagesPerSecond { get; set; }

    /// <summary>Replaced by <c>Outbox:Channels:telegram:PerChatInterval</c>; refused at start so a setting is not silently lost.</summary>
    public string? PerChatInterval { get; set; }

    /// <summary>How many deliveries may be in flight at once (network round trips overlap).</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 8;

    /// <summary>Longest wait between retries of a failing delivery.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Longest wait between two probes of a channel that is down (5xx, network errors): one waiting message is tried
    /// after 1 s, 2 s, 4 s … up to this, and once one goes through everything that waited for the channel goes out.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan MaxProbeInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the sender looks for due messages when nobody woke it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, moved) in new[] { (nameof(MessagesPerSecond), MessagesPerSecond), (nameof(PerChatInterval), PerChatInterval) })
        {
            if (moved is not null)
            {
                yield return new ValidationResult($"{name} is now set per channel: Outbox:Channels:telegram:{name} (and likewise for other channels).", [name]);
            }
        }

        foreach (var (channel, pacing) in Channels)
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(pacing, new ValidationContext(pacing), results, validateAllProperties: true);
            foreach (var result in results)
            {
                yield return new ValidationResult(result.ErrorMessage, [.. result.MemberNames.Select(m => $"{nameof(Channels)}:{channel}:{m}")]);
            }
        }
    }
}
