package cn.edu.cashl.hub.crosswalk;

import java.io.Reader;
import java.net.URI;
import javax.xml.transform.Source;
import net.sf.saxon.Configuration;
import net.sf.saxon.event.Receiver;
import net.sf.saxon.expr.XPathContext;
import net.sf.saxon.lib.CollectionFinder;
import net.sf.saxon.lib.ResourceCollection;
import net.sf.saxon.lib.ResourceRequest;
import net.sf.saxon.lib.ResourceResolver;
import net.sf.saxon.lib.ResultDocumentResolver;
import net.sf.saxon.lib.UnparsedTextURIResolver;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.serialize.SerializationProperties;
import net.sf.saxon.trans.XPathException;

/**
 * Resolvers that refuse everything: the sandbox's second line. The first one refuses the functions
 * and instructions themselves at compile time ({@link SandboxFunctions}, {@link StylesheetScreen});
 * these make sure that a route overlooked there still reads no file, opens no connection and writes
 * nothing.
 */
final class Refusals implements ResourceResolver, UnparsedTextURIResolver, CollectionFinder, ResultDocumentResolver {

    static final Refusals INSTANCE = new Refusals();

    private Refusals() {}

    /** Installs the refusals on one transformation too (its own resolvers win over the configuration's). */
    static void apply(Xslt30Transformer transformer) {
        transformer.setResourceResolver(INSTANCE);
        transformer.getUnderlyingController().setResultDocumentResolver(INSTANCE);
        transformer.getUnderlyingController().setUnparsedTextURIResolver(INSTANCE);
        transformer.getUnderlyingController().setCollectionFinder(INSTANCE);
    }

    @Override
    public Source resolve(ResourceRequest request) throws XPathException {
        throw reading(request.uri);
    }

    @Override
    public Reader resolve(URI absoluteURI, String encoding, Configuration config) throws XPathException {
        throw reading(String.valueOf(absoluteURI));
    }

    @Override
    public ResourceCollection findCollection(XPathContext context, String collectionURI) throws XPathException {
        throw reading(collectionURI);
    }

    @Override
    public Receiver resolve(XPathContext context, String href, String baseUri, SerializationProperties properties)
            throws XPathException {
        throw new XPathException(
                "writing " + href + " is not allowed in the hub's stylesheets: a crosswalk writes only its result",
                "FODC0002");
    }

    private static XPathException reading(String uri) {
        return new XPathException(
                "reading " + uri + " is not allowed in the hub's stylesheets: no file or network access", "FODC0002");
    }
}
