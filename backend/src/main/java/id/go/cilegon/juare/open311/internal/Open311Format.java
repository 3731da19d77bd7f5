package id.go.cilegon.juare.open311.internal;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two formats of GeoReport v2 from one answer built of maps (in the spec's field order) and lists: JSON as it is
 * (arrays at the top for lists), XML with the spec's element names (a list {@code services} holds {@code service}
 * elements, {@code service_requests} holds {@code request}, {@code errors} holds {@code error}). XML is written with
 * the JDK's StAX writer (no XML data binding needed for a shape this small and fixed).
 */
enum Open311Format {
    JSON(MediaType.APPLICATION_JSON),
    XML(MediaType.TEXT_XML);

    /** The element name of a list's items, by the list's name (the spec's names). */
    private static final Map<String, String> ITEM = Map.of(
            "services", "service",
            "service_requests", "request",
            "errors", "error",
            "endpoints", "endpoint",
            "formats", "format",
            "attributes", "attribute",
            "values", "value");
    private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newFactory();

    private final MediaType mediaType;

    Open311Format(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    /** The format an extension names, or null. */
    static Open311Format of(String extension) {
        if (extension == null) {
            return null;
        }
        return switch (extension) {
            case "json" -> JSON;
            case "xml" -> XML;
            default -> null;
        };
    }

    MediaType mediaType() {
        return new MediaType(mediaType, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The body: {@code root} names the XML root element (and, for a list, where its items' names come from). */
    String write(String root, Object answer, JsonMapper json) {
        return this == JSON ? json.writeValueAsString(answer) : xml(root, answer);
    }

    private static String xml(String root, Object answer) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XML_OUTPUT.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            element(xml, root, answer);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        if (value == null) {
            xml.writeEmptyElement(name);
            return;
        }
        xml.writeStartElement(name);
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                element(xml, entry.getKey().toString(), entry.getValue());
            }
        } else if (value instanceof List<?> list) {
            String item = ITEM.getOrDefault(name, "item");
            for (Object each : list) {
                element(xml, item, each);
            }
        } else {
            xml.writeCharacters(value.toString());
        }
        xml.writeEndElement();
    }
}
