namespace ResidentBot.Bot.Hosting;

/// <summary>A start-up step failed for a reason the operator can fix; the message says what and where, in one line.</summary>
internal sealed class StartupException(string message, Exception? innerException = null) : Exception(message, innerException);
