package cn.edu.cashl.hub.oai;

import io.gdcc.xoai.model.oaipmh.results.record.About;
import io.gdcc.xoai.xml.XmlWriter;
import io.gdcc.xoai.xmlio.exceptions.XmlWriteException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamException;

/**
 * An about block written as the hub made it. XOAI's {@link About} parses its XML again and writes
 * it event by event (a twentieth of an OAI-PMH page's CPU); the provenance the hub builds is
 * already well-formed XML with every namespace declared, so its bytes go out as they are, the way
 * XOAI copies a record's metadata.
 */
final class VerbatimAbout extends About {

    VerbatimAbout(String xml) {
        super(xml);
    }

    @Override
    public void write(XmlWriter writer) throws XmlWriteException {
        try {
            writer.writeCharacters(""); // closes the about element's start tag before the bytes
            writer.flush();
            writer.getOutputStream().write(getValue().getBytes(StandardCharsets.UTF_8));
        } catch (XMLStreamException | IOException e) {
            throw new XmlWriteException(e);
        }
    }
}
