package cn.edu.cashl.hub.oai;

import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.DatestampClock;
import cn.edu.cashl.hub.catalog.Projection;
import cn.edu.cashl.hub.catalog.RecordFilter;
import cn.edu.cashl.hub.catalog.RecordKey;
import cn.edu.cashl.hub.catalog.RecordPage;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.catalog.StoreException;
import cn.edu.cashl.hub.catalog.StoredRecord;
import cn.edu.cashl.hub.crosswalk.Crosswalks;
import cn.edu.cashl.hub.publish.Library;
import cn.edu.cashl.hub.publish.PublishedFormat;
import cn.edu.cashl.hub.publish.RecordRenderer;
import cn.edu.cashl.hub.publish.XmlText;
import io.gdcc.xoai.model.oaipmh.DeletedRecord;
import io.gdcc.xoai.model.oaipmh.Error;
import io.gdcc.xoai.model.oaipmh.Granularity;
import io.gdcc.xoai.model.oaipmh.OAIPMH;
import io.gdcc.xoai.model.oaipmh.Request;
import io.gdcc.xoai.model.oaipmh.ResumptionToken;
import io.gdcc.xoai.model.oaipmh.results.Description;
import io.gdcc.xoai.model.oaipmh.results.MetadataFormat;
import io.gdcc.xoai.model.oaipmh.results.Record;
import io.gdcc.xoai.model.oaipmh.results.record.Header;
import io.gdcc.xoai.model.oaipmh.results.record.Metadata;
import io.gdcc.xoai.model.oaipmh.verbs.GetRecord;
import io.gdcc.xoai.model.oaipmh.verbs.Identify;
import io.gdcc.xoai.model.oaipmh.verbs.ListIdentifiers;
import io.gdcc.xoai.model.oaipmh.verbs.ListMetadataFormats;
import io.gdcc.xoai.model.oaipmh.verbs.ListRecords;
import io.gdcc.xoai.model.oaipmh.verbs.ListSets;
import io.gdcc.xoai.model.oaipmh.verbs.Verb;
import io.gdcc.xoai.model.oaipmh.verbs.Verb.Argument;
import io.gdcc.xoai.model.oaipmh.verbs.Verb.Type;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;

/**
 * The OAI-PMH 2.0 data provider over the catalog collection: all six verbs, the four published
 * formats, the set hierarchy, persistent deletions. XOAI supplies the protocol model, the request
 * checks and the XML writer; paging is keyset paging under signed stateless resumption tokens
 * ({@link ResumptionTokens}), so a deep page costs what the first one costs and a token survives
 * restarts and works on any node.
 *
 * <p>Consistency: a list's {@code until} is pinned to its first request, and that request first
 * waits until every datestamp before it labels a visible write ({@link DatestampClock}), so a
 * harvester that asks {@code from} its previous responseDate never misses a change.
 *
 * <p>Thread-safe: one instance serves every request.
 */
public final class OaiProvider {

    /** Local identifiers as master ids are made: letters, digits and {@code . : - _}. */
    private static final Pattern URI_CHARACTERS = Pattern.compile("[A-Za-z0-9\\-_.!~*'();/?:@&=+$,%\\[\\]#]+");

    private final CatalogStore store;
    private final DatestampClock datestamps;
    private final OaiSettings settings;
    private final ResumptionTokens tokens;
    private final RecordRenderer renderer;
    private final Provenance provenance;
    private final SetDirectory sets;
    private final String identifierPrefix;

    /**
     * @param libraries the holding libraries and sources by code, for set names and provenance
     */
    public OaiProvider(
            CatalogStore store,
            DatestampClock datestamps,
            Crosswalks crosswalks,
            OaiSettings settings,
            Map<String, Library> libraries) {
        this.store = store;
        this.datestamps = datestamps;
        this.settings = settings;
        this.tokens = new ResumptionTokens(settings.tokenKey(), settings.tokenLifetime(), Clock.systemUTC());
        this.renderer = new RecordRenderer(crosswalks);
        this.provenance = new Provenance(libraries);
        this.sets = new SetDirectory(store, libraries);
        this.identifierPrefix = "oai:" + settings.repositoryIdentifier() + ":";
    }

    /** The item identifier of a master record. */
    public String identifier(String masterId) {
        return identifierPrefix + masterId;
    }

    /**
     * Answers one request. Everything that can fail is done here; the document is written later,
     * by {@link Response#writeTo}, so that an HTTP layer can still choose the status.
     *
     * @param parameters every parameter of the request with all its values, from the query string
     *                   (GET) or the form body (POST)
     * @param hubUrl     the hub's URL as this request reached it ({@code http://host:port}), for the
     *                   baseURL when none is configured and for the URL of the {@code cashl} schema
     * @return the response document, an OAI-PMH error included
     * @throws OaiUnavailableException when the catalogue cannot answer now
     */
    public Response answer(Map<String, List<String>> parameters, String hubUrl) throws OaiUnavailableException {
        String baseUrl = settings.baseUrl() != null ? settings.baseUrl() : hubUrl + "/oai";
        Instant now = datestamps.instant().truncatedTo(ChronoUnit.SECONDS);
        OAIPMH response = new OAIPMH().withResponseDate(now);
        Answer answer = null;
        OaiRequest request = null;
        try {
            request = OaiRequest.parse(parameters);
            answer = switch (request.verb()) {
                case Identify -> new Answer(identify(now, baseUrl), null);
                case ListMetadataFormats -> new Answer(listMetadataFormats(request, hubUrl), null);
                case ListSets -> new Answer(listSets(request), null);
                case GetRecord -> new Answer(getRecord(request), null);
                case ListIdentifiers, ListRecords -> list(request, now);
            };
            response.withRequest(new EchoedRequest(baseUrl, request.verb(), request.arguments()))
                    .withVerb(answer.verb());
        } catch (OaiException e) {
            response.withRequest(
                    e.hidesArguments() || request == null
                            ? new Request(baseUrl)
                            : new EchoedRequest(baseUrl, request.verb(), request.arguments()));
            response.withError(new Error(XmlText.legal(e.getMessage())).withCode(e.code()));
        } catch (StoreException e) {
            throw new OaiUnavailableException("the catalogue cannot be read: " + e.getMessage(), 30, e);
        }
        return new Response(response, answer == null ? null : answer.token());
    }

    /** A response document, ready to be written. Single use: its records' metadata streams once. */
    public static final class Response {

        private final OAIPMH document;
        private final String token;

        private Response(OAIPMH document, String token) {
            this.document = document;
            this.token = token;
        }

        /** Whether the response is an OAI-PMH error. */
        public boolean isError() {
            return document.hasErrors();
        }

        /** Writes the document as UTF-8 XML. */
        public void writeTo(OutputStream out) throws IOException {
            PageOutput page = new PageOutput(out);
            try (io.gdcc.xoai.xml.XmlWriter writer = new io.gdcc.xoai.xml.XmlWriter(page, new TokenContext(token))) {
                writer.writeStartDocument("UTF-8", "1.0");
                document.write(writer);
                writer.writeEndDocument();
                writer.flush();
                page.finish();
            } catch (XMLStreamException e) {
                throw new IOException("writing the response failed: " + e.getMessage(), e);
            }
        }
    }

    /** A verb's result and, for an incomplete list, its next resumption token. */
    private record Answer(Verb verb, String token) {}

    private Identify identify(Instant now, String baseUrl) {
        Identify identify = new Identify()
                .withRepositoryName(settings.repositoryName())
                .withBaseURL(baseUrl)
                .withProtocolVersion("2.0")
                .withDeletedRecord(DeletedRecord.PERSISTENT)
                .withGranularity(Granularity.Second)
                .withCompression("gzip");
        settings.adminEmails().forEach(identify::withAdminEmail);
        Optional<StoredRecord> oldest = store
                .listAfter(StoreCollection.CATALOG, RecordFilter.ALL, null, 1, Projection.HEADERS, false)
                .records()
                .stream()
                .findFirst();
        identify.withEarliestDatestamp(
                oldest.map(StoredRecord::datestamp).orElse(now)); // now, while the catalogue is empty
        String sample = oldest.map(StoredRecord::id).orElse("calis:0000000001");
        identify.withDescription(
                new Description("<oai-identifier xmlns=\"http://www.openarchives.org/OAI/2.0/oai-identifier\""
                        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.openarchives.org/OAI/2.0/oai-identifier"
                        + " http://www.openarchives.org/OAI/2.0/oai-identifier.xsd\"><scheme>oai</scheme><repositoryIdentifier>"
                        + settings.repositoryIdentifier()
                        + "</repositoryIdentifier><delimiter>:</delimiter><sampleIdentifier>"
                        + identifier(sample) + "</sampleIdentifier></oai-identifier>"));
        return identify;
    }

    private ListMetadataFormats listMetadataFormats(OaiRequest request, String hubUrl) throws OaiException {
        String identifier = request.argument(Argument.Identifier);
        if (identifier != null) {
            item(identifier);
        }
        ListMetadataFormats list = new ListMetadataFormats();
        for (PublishedFormat format : PublishedFormat.ALL) {
            list.withMetadataFormat(new MetadataFormat()
                    .withMetadataPrefix(format.prefix())
                    .withSchema(format.schemaAt(hubUrl))
                    .withMetadataNamespace(format.namespace()));
        }
        return list;
    }

    private ListSets listSets(OaiRequest request) throws OaiException {
        if (request.argument(Argument.ResumptionToken) != null) {
            throw new OaiException(
                    Error.Code.BAD_RESUMPTION_TOKEN,
                    "ListSets is always complete in one response; this repository issued no token for it.");
        }
        ListSets list = new ListSets();
        list.getSets().addAll(sets.sets());
        return list;
    }

    private GetRecord getRecord(OaiRequest request) throws OaiException {
        PublishedFormat format = format(request.argument(Argument.MetadataPrefix));
        StoredRecord master = item(request.argument(Argument.Identifier));
        List<Record> records = records(List.of(master), format, null);
        if (records.isEmpty()) {
            throw new OaiException(
                    Error.Code.CANNOT_DISSEMINATE_FORMAT,
                    "The record " + request.argument(Argument.Identifier) + " cannot be rendered as " + format.prefix()
                            + " at present.");
        }
        return new GetRecord(records.get(0));
    }

    /** ListRecords and ListIdentifiers: one page, and the token for the next one. */
    private Answer list(OaiRequest request, Instant now) throws OaiException, OaiUnavailableException {
        boolean withRecords = request.verb() == Type.ListRecords;
        String token = request.argument(Argument.ResumptionToken);
        ListState state;
        if (token != null) {
            state = resume(token, request.verb());
        } else {
            PublishedFormat format = format(request.argument(Argument.MetadataPrefix));
            Instant until = request.until() == null || request.until().isAfter(now) ? now : request.until();
            if (request.from() != null && request.from().isAfter(until)) {
                throw new OaiException(Error.Code.NO_RECORDS_MATCH, "Nothing has changed since 'from' yet.");
            }
            awaitVisibility(now);
            state = new ListState(
                    request.verb(),
                    format.prefix(),
                    request.argument(Argument.Set),
                    request.from(),
                    until,
                    null,
                    0,
                    -1);
        }
        PublishedFormat format = PublishedFormat.find(state.prefix())
                .orElseThrow(() -> new OaiException(
                        Error.Code.BAD_RESUMPTION_TOKEN,
                        "The token's format " + state.prefix() + " is no longer offered."));
        int pageSize = withRecords ? settings.recordsPerPage() : settings.headersPerPage();
        boolean first = state.after() == null;
        RecordFilter filter =
                RecordFilter.ALL.withOaiSet(state.set()).withFrom(state.from()).withUntil(state.until());
        // One more than the page: a page that says "more follows" has at least one record after it.
        RecordPage page = store.listAfter(
                StoreCollection.CATALOG,
                filter,
                state.after(),
                pageSize + 1,
                withRecords ? Projection.PUBLISHED : Projection.HEADERS,
                first);
        List<StoredRecord> found = page.records();
        boolean more = found.size() > pageSize;
        if (more) {
            found = found.subList(0, pageSize);
        }
        if (found.isEmpty()) {
            throw new OaiException(
                    Error.Code.NO_RECORDS_MATCH,
                    first
                            ? "No records match the request."
                            : "No records remain in this list: the ones that did have changed since.");
        }
        long size = first ? page.total() : state.completeListSize();
        ResumptionToken resumption = null;
        String next = null;
        if (more) {
            ResumptionTokens.Issued issued = tokens.issue(new ListState(
                    state.verb(),
                    state.prefix(),
                    state.set(),
                    state.from(),
                    state.until(),
                    RecordKey.of(found.get(found.size() - 1)),
                    state.cursor() + found.size(),
                    size));
            next = issued.value();
            // XOAI writes a token's text through the context's token format (see write()); the value
            // only needs to be non-empty.
            resumption = new ResumptionToken(new ResumptionToken.ValueBuilder()
                            .withOffset(state.cursor() + found.size())
                            .build())
                    .withExpirationDate(issued.expires());
        } else if (!first) {
            resumption = new ResumptionToken(); // the last page of an incomplete list: an empty token
        }
        if (resumption != null) {
            resumption
                    .withCompleteListSize(Math.max(size, state.cursor() + found.size()))
                    .withCursor(state.cursor());
        }
        if (withRecords) {
            ListRecords list = new ListRecords();
            records(found, format, state.set()).forEach(list::withRecord);
            if (list.getRecords().isEmpty()) {
                throw new OaiException(
                        Error.Code.NO_RECORDS_MATCH,
                        "No record of this part of the list can be rendered as " + format.prefix() + " at present.");
            }
            return new Answer(list.withResumptionToken(resumption), next);
        }
        ListIdentifiers list = new ListIdentifiers();
        found.forEach(record -> list.getHeaders().add(header(record, state.set())));
        return new Answer(list.withResumptionToken(resumption), next);
    }

    private ListState resume(String token, Type verb) throws OaiException {
        ListState state;
        try {
            state = tokens.read(token);
        } catch (ResumptionTokens.InvalidTokenException e) {
            throw new OaiException(
                    Error.Code.BAD_RESUMPTION_TOKEN, "The resumption token is not valid: " + e.getMessage() + ".");
        }
        if (state.verb() != verb) {
            throw new OaiException(
                    Error.Code.BAD_RESUMPTION_TOKEN,
                    "The resumption token continues a " + state.verb().displayName() + " list, not "
                            + verb.displayName() + ".");
        }
        return state;
    }

    /** Waits until no write older than this second is invisible (see {@link DatestampClock}). */
    private void awaitVisibility(Instant now) throws OaiUnavailableException {
        boolean visible;
        try {
            visible = datestamps.awaitVisible(now, settings.visibilityWait());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            visible = false;
        }
        if (!visible) {
            throw new OaiUnavailableException("catalogue writes in progress have not become visible in time", 2, null);
        }
    }

    private PublishedFormat format(String prefix) throws OaiException {
        return PublishedFormat.find(prefix)
                .orElseThrow(() -> new OaiException(
                        Error.Code.CANNOT_DISSEMINATE_FORMAT,
                        "The metadata format '" + prefix
                                + "' is not offered; ListMetadataFormats lists oai_dc, cashl, marc21 and mods."));
    }

    /** The master record an item identifier names, deleted ones included. */
    private StoredRecord item(String identifier) throws OaiException {
        if (!URI_CHARACTERS.matcher(identifier).matches()) {
            throw new OaiException(Error.Code.BAD_ARGUMENT, "'" + identifier + "' is not a valid identifier (a URI).");
        }
        Optional<StoredRecord> found =
                identifier.startsWith(identifierPrefix) && identifier.length() > identifierPrefix.length()
                        ? store
                                .get(
                                        StoreCollection.CATALOG,
                                        List.of(identifier.substring(identifierPrefix.length())),
                                        Projection.PUBLISHED)
                                .values()
                                .stream()
                                .findFirst()
                        : Optional.empty();
        return found.orElseThrow(() -> new OaiException(
                Error.Code.ID_DOES_NOT_EXIST,
                "This repository has no item " + identifier + " (its identifiers are " + identifierPrefix + "<id>)."));
    }

    /**
     * The records of a page: header, metadata and provenance for live records, header alone for
     * deleted ones. A live record that cannot be rendered is left out.
     */
    private List<Record> records(List<StoredRecord> masters, PublishedFormat format, String set) {
        List<String> memberIds = new ArrayList<>();
        masters.stream().filter(m -> !deletedIn(m, set)).forEach(m -> memberIds.addAll(m.values("member")));
        Map<String, StoredRecord> members =
                memberIds.isEmpty() ? Map.of() : store.get(StoreCollection.SOURCE, memberIds, Projection.ORIGINS);
        // Rendering (a crosswalk per record) is most of a page's cost: it runs on every core.
        List<Optional<String>> rendered = masters.parallelStream()
                .map(master -> deletedIn(master, set) ? Optional.<String>empty() : renderer.metadata(master, format))
                .toList();
        List<Record> records = new ArrayList<>(masters.size());
        for (int i = 0; i < masters.size(); i++) {
            StoredRecord master = masters.get(i);
            Record record = new Record().withHeader(header(master, set));
            if (!deletedIn(master, set)) {
                Optional<String> metadata = rendered.get(i);
                if (metadata.isEmpty()) {
                    continue;
                }
                record.withMetadata(Metadata.copyFromStream(
                        new ByteArrayInputStream(metadata.get().getBytes(StandardCharsets.UTF_8))));
                List<StoredRecord> origins = master.values("member").stream()
                        .map(members::get)
                        .filter(Objects::nonNull)
                        .toList();
                String about = provenance.about(origins);
                if (about != null) {
                    record.withAbout(new VerbatimAbout(about));
                }
            }
            records.add(record);
        }
        return records;
    }

    private Header header(StoredRecord master, String set) {
        Header header = new Header().withIdentifier(identifier(master.id())).withDatestamp(master.datestamp());
        new TreeSet<>(master.sets()).forEach(header::withSetSpec);
        if (deletedIn(master, set)) {
            header.withStatus(Header.Status.DELETED);
        }
        return header;
    }

    /**
     * Whether a record is deleted as far as a list of this set is concerned: deleted, or no longer in
     * the set (it is listed because it left it).
     */
    private static boolean deletedIn(StoredRecord master, String set) {
        return master.deleted()
                || (set != null && master.sets().stream().noneMatch(s -> s.equals(set) || s.startsWith(set + ":")));
    }
}
