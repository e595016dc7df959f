using System.Text;

namespace ResidentBot.Bot.Tests.Fakes;

/// <summary>Small files that start the way real images do (what the attachment store checks), each with its own bytes.</summary>
internal static class TestImages
{
    public static byte[] Jpeg(string seed) => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, .. Encoding.UTF8.GetBytes(seed), 0xFF, 0xD9];

    public static byte[] Png(string seed) => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. Encoding.UTF8.GetBytes(seed)];

    /// <summary>A file that calls itself a photo but is a web page.</summary>
    public static byte[] NotAnImage() => Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>");
}
