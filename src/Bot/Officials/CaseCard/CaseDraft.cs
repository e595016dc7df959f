namespace ResidentBot.Bot.Officials.CaseCard;

/// <summary>What an official's flow is about: the case, the card whose buttons to refresh, and transfer choices.</summary>
internal sealed record CaseDraft(long CaseId, string? CardMessageId, int? AreaId = null, int? CategoryId = null);
