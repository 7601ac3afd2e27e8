package cn.edu.cashl.hub.publish;

import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.crosswalk.CrosswalkException;
import cn.edu.cashl.hub.crosswalk.Crosswalks;
import java.io.StringReader;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A master record's metadata in a published format. Whatever is wrong with a stored record stays
 * with that record: one that cannot be rendered is left out (and logged), never breaking the page
 * it is on.
 */
public final class RecordRenderer {

    private static final Logger LOG = LoggerFactory.getLogger(RecordRenderer.class);
    /** Woodstox, without DTDs or external entities: checks what is served without a transform. */
    private static final XMLInputFactory CHECKER = checker();

    private final Crosswalks crosswalks;

    public RecordRenderer(Crosswalks crosswalks) {
        this.crosswalks = crosswalks;
    }

    /** The record's metadata element in this format; empty when it cannot be rendered. */
    public Optional<String> metadata(StoredRecord record, PublishedFormat format) {
        if (record.xml() == null) {
            LOG.warn("master record {} has no stored XML; left out of the response", record.id());
            return Optional.empty();
        }
        try {
            if (format.isCanonical()) {
                // Served as stored: proven well-formed XML 1.0 first, since nothing parses it on the way.
                checkWellFormed(record.xml());
                return Optional.of(record.xml());
            }
            // The crosswalk parses the stored XML (a broken record fails here), and Saxon's XML 1.0
            // serialiser refuses characters XML forbids.
            return Optional.of(crosswalks.get(format.crosswalk()).transform(record.xml(), Map.of(), true));
        } catch (CrosswalkException | XMLStreamException | RuntimeException e) {
            LOG.warn(
                    "master record {} cannot be rendered as {}; left out of the response: {}",
                    record.id(),
                    format.prefix(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    private static void checkWellFormed(String xml) throws XMLStreamException {
        XMLStreamReader reader = CHECKER.createXMLStreamReader(new StringReader(xml));
        try {
            while (reader.hasNext()) {
                reader.next();
            }
        } finally {
            reader.close();
        }
    }

    private static XMLInputFactory checker() {
        XMLInputFactory factory = new com.ctc.wstx.stax.WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }
}
