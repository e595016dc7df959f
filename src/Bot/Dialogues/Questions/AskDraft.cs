namespace ResidentBot.Bot.Dialogues.Questions;

/// <summary>A question being written: to which dialogue, and the category the resident chose (null: for the leader).</summary>
internal sealed record AskDraft(int DialogueId, int? CategoryId);
