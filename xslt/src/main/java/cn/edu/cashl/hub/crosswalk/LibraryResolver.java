package cn.edu.cashl.hub.crosswalk;

import cn.edu.cashl.hub.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.transform.Source;
import javax.xml.transform.sax.SAXSource;
import net.sf.saxon.lib.ResourceRequest;
import net.sf.saxon.lib.ResourceResolver;
import net.sf.saxon.trans.XPathException;
import org.xml.sax.InputSource;

/**
 * Where a sandboxed stylesheet lives, and what it may import: the packaged library modules, read from
 * the class path, and nothing else.
 *
 * <p>A sandboxed stylesheet gets a made-up base URI under {@link #BASE}, so that the import the
 * packaged stylesheets use, {@code <xsl:import href="lib/functions.xsl"/>}, works unchanged in an
 * edited copy, while an href to a file, a URL or a class-path resource outside the list resolves to
 * something refused. Nothing is ever read from that URI.
 */
final class LibraryResolver implements ResourceResolver {

    static final String BASE = "cashl-hub:/xslt/";
    /** The library modules, relative to {@code /xslt/} on the class path as under {@link #BASE}. */
    static final List<String> LIBRARIES = List.of("lib/functions.xsl", "lib/holdings.xsl");

    private static final Map<String, byte[]> TEXTS = new ConcurrentHashMap<>();

    /** The system id of a sandboxed stylesheet: a crosswalk id that is a plain name, under the base. */
    static String systemId(String crosswalk) {
        return BASE + (crosswalk != null && crosswalk.matches("[A-Za-z0-9._-]{1,100}") ? crosswalk : "stylesheet")
                + ".xsl";
    }

    /** The absolute URI of an href in a module, or null when it is not a URI at all. */
    static String absolute(String href, String base) {
        try {
            return new URI(base).resolve(new URI(href)).normalize().toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether an absolute URI is one of the packaged libraries. */
    static boolean isLibrary(String absolute) {
        return absolute != null && absolute.startsWith(BASE) && LIBRARIES.contains(absolute.substring(BASE.length()));
    }

    /** The refusal for an xsl:import or xsl:include the sandbox does not allow. */
    static String refusal(String instruction, String href) {
        return instruction + " of " + href + " is not allowed in the hub's stylesheets: only the packaged "
                + String.join(", ", LIBRARIES) + " can be imported";
    }

    @Override
    public Source resolve(ResourceRequest request) throws XPathException {
        String uri = request.uri == null ? null : absolute(request.uri, BASE);
        if (!ResourceRequest.XSLT_NATURE.equals(request.nature) || !isLibrary(uri)) {
            String href = request.relativeUri != null ? request.relativeUri : request.uri;
            throw new XPathException(refusal("xsl:import or xsl:include", href), "XTSE0165");
        }
        byte[] text = TEXTS.computeIfAbsent(uri.substring(BASE.length()), LibraryResolver::read);
        // The libraries are the hub's own, but they go through the same parser as everything else.
        SAXSource source = new SAXSource(SecureXml.newXmlReader(), new InputSource(new ByteArrayInputStream(text)));
        source.setSystemId(uri);
        return source;
    }

    private static byte[] read(String library) {
        try (InputStream in = LibraryResolver.class.getResourceAsStream("/xslt/" + library)) {
            if (in == null) {
                throw new IllegalStateException("packaged library /xslt/" + library + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
