using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Xml;

namespace ResidentBot.Bot.Open311.Wire;

/// <summary>
/// Writes GeoReport v2 documents: in JSON a top-level array of objects (or one object), in XML the spec's root element
/// (<c>services</c>, <c>service_requests</c>, <c>errors</c> …) holding one element per item. Text is escaped by the
/// writers themselves, so a description full of <c>&lt;</c>, <c>&amp;</c> and quotes comes back as it was sent.
/// </summary>
internal static class GeoReportWriter
{
    // Vietnamese stays readable in the body; HTML-sensitive characters are still escaped.
    private static readonly JsonWriterOptions JsonSettings = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static readonly XmlWriterSettings XmlSettings = new() { Encoding = new UTF8Encoding(false), Indent = false, CheckCharacters = false };

    /// <summary>A list: <paramref name="root"/> and <paramref name="item"/> name the XML elements; JSON is an array.</summary>
    public static IResult List(GeoReportFormat format, string root, string item, IEnumerable<IReadOnlyList<GeoField>> items, int status = StatusCodes.Status200OK) =>
        format == GeoReportFormat.Json
            ? Bytes(Json(w => WriteArray(w, items)), "application/json; charset=utf-8", status)
            : Bytes(Xml(w => WriteXmlList(w, root, item, items)), "text/xml; charset=utf-8", status);

    /// <summary>One element, e.g. a service definition: a JSON object, or XML element <paramref name="root"/>.</summary>
    public static IResult Single(GeoReportFormat format, string root, IReadOnlyList<GeoField> fields) =>
        format == GeoReportFormat.Json
            ? Bytes(Json(w => WriteObject(w, fields)), "application/json; charset=utf-8", StatusCodes.Status200OK)
            : Bytes(Xml(w => WriteXmlElement(w, root, fields)), "text/xml; charset=utf-8", StatusCodes.Status200OK);

    private static IResult Bytes(byte[] body, string contentType, int status) => Results.Text(body, contentType, status);

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonSettings))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    private static byte[] Xml(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, XmlSettings))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static void WriteArray(Utf8JsonWriter writer, IEnumerable<IReadOnlyList<GeoField>> items)
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            WriteObject(writer, item);
        }

        writer.WriteEndArray();
    }

    private static void WriteObject(Utf8JsonWriter writer, IReadOnlyList<GeoField> fields)
    {
        writer.WriteStartObject();
        foreach (var field in fields)
        {
            writer.WritePropertyName(field.Name);
            switch (field.Value)
            {
                case null: writer.WriteNullValue(); break;
                case string text: writer.WriteStringValue(text); break;
                case bool flag: writer.WriteBooleanValue(flag); break;
                case double number: writer.WriteNumberValue(number); break;
                case int number: writer.WriteNumberValue(number); break;
                case long number: writer.WriteNumberValue(number); break;
                case GeoList list: WriteArray(writer, list.Items); break;
                default: throw new InvalidOperationException($"GeoReport field {field.Name} holds a {field.Value.GetType().Name}.");
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteXmlList(XmlWriter writer, string root, string item, IEnumerable<IReadOnlyList<GeoField>> items)
    {
        writer.WriteStartElement(root);
        foreach (var fields in items)
        {
            WriteXmlElement(writer, item, fields);
        }

        writer.WriteEndElement();
    }

    private static void WriteXmlElement(XmlWriter writer, string name, IReadOnlyList<GeoField> fields)
    {
        writer.WriteStartElement(name);
        foreach (var field in fields)
        {
            if (field.Value is GeoList list)
            {
                WriteXmlList(writer, field.Name, list.ItemName, list.Items);
                continue;
            }

            writer.WriteElementString(field.Name, field.Value switch
            {
                null => string.Empty,
                bool flag => flag ? "true" : "false",
                IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                var other => XmlText(other.ToString() ?? string.Empty),
            });
        }

        writer.WriteEndElement();
    }

    // XML 1.0 cannot carry most control characters even escaped; they are dropped rather than breaking the document.
    private static string XmlText(string text) =>
        text.Any(c => !XmlConvert.IsXmlChar(c)) ? new string([.. text.Where(XmlConvert.IsXmlChar)]) : text;
}
