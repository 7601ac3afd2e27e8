package cn.edu.cashl.hub.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.bootstrap.DOMImplementationRegistry;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;

/**
 * The official XSDs of the formats the hub publishes, loaded from the shared corpus. Their imports
 * (simpledc, xlink, xml.xsd) point at http URLs; tests have no network, so each import is answered
 * with the file of the same name from the corpus.
 */
public final class PublishedSchemas {

    private PublishedSchemas() {}

    /**
     * A schema of the corpus, e.g. {@code load(TestData.file("schemas"), "oai/OAI-PMH.xsd")}.
     */
    public static Schema load(Path schemasDir, String relative) throws SAXException {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> systemId == null
                ? null
                : local(schemasDir, systemId).map(PublishedSchemas::input).orElse(null));
        return factory.newSchema(schemasDir.resolve(relative).toFile());
    }

    /**
     * The schemas of the formats the hub publishes, by OAI-PMH metadataPrefix: {@code oai_dc},
     * {@code marc21} and {@code mods} (the canonical {@code cashl} schema is the schemas module's).
     */
    public static Map<String, Schema> publishedFormats() throws SAXException {
        Path schemas = TestData.file("schemas");
        return Map.of(
                "oai_dc",
                load(schemas, "oai/oai_dc.xsd"),
                "marc21",
                load(schemas, "marc/MARC21slim.xsd"),
                "mods",
                load(schemas, "mods/mods-3-6.xsd"));
    }

    private static Optional<Path> local(Path schemasDir, String systemId) {
        String name = systemId.substring(systemId.lastIndexOf('/') + 1);
        try (Stream<Path> files = Files.walk(schemasDir)) {
            return files.filter(f -> f.getFileName().toString().equals(name)).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LSInput input(Path file) {
        try {
            DOMImplementationLS ls = (DOMImplementationLS)
                    DOMImplementationRegistry.newInstance().getDOMImplementation("LS");
            LSInput input = ls.createLSInput();
            InputStream in = Files.newInputStream(file);
            input.setByteStream(in);
            input.setSystemId(file.toUri().toString());
            return input;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
