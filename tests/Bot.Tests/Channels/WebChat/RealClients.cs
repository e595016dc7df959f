namespace ResidentBot.Bot.Tests.Channels.WebChat;

/// <summary>Node and Chromium runs take a core each; one at a time keeps timing-sensitive tests elsewhere honest.</summary>
[CollectionDefinition(Name)]
public sealed class RealClients
{
    public const string Name = "Real web chat clients";
}
