package cn.edu.cashl.hub.schema;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Passes SAX events on unchanged and remembers where in the document they are, as an XPath-like
 * path ({@code /record/identifiers/isbn[2]}). It sits in front of the schema validator, so when the
 * validator reports an error the path already names the element it is about: schema messages alone
 * often name only a type or a value.
 */
final class ElementPathTracker extends XMLFilterImpl {

    private static final class Level {
        final String step;
        final Map<String, Integer> childCounts = new HashMap<>();

        Level(String step) {
            this.step = step;
        }
    }

    private final Deque<Level> levels = new ArrayDeque<>();

    ElementPathTracker(ContentHandler next) {
        setContentHandler(next);
        levels.push(new Level(""));
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        Level parent = levels.peek();
        int position = parent.childCounts.merge(localName, 1, Integer::sum);
        levels.push(new Level(position == 1 ? localName : localName + "[" + position + "]"));
        super.startElement(uri, localName, qName, atts);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        super.endElement(uri, localName, qName);
        levels.pop();
    }

    /** The path of the element being read, "/" outside the root element. */
    String currentPath() {
        if (levels.size() == 1) {
            return "/";
        }
        StringBuilder path = new StringBuilder();
        levels.descendingIterator().forEachRemaining(level -> {
            if (!level.step.isEmpty()) {
                path.append('/').append(level.step);
            }
        });
        return path.toString();
    }
}
