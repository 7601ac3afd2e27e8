package cn.edu.cashl.hub.catalog.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CommonParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.common.params.UpdateParams;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.common.util.SimpleOrderedMap;
import org.apache.solr.core.CoreContainer;
import org.apache.solr.core.SolrCore;
import org.apache.solr.request.LocalSolrQueryRequest;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.request.SolrRequestHandler;
import org.apache.solr.request.SolrRequestInfo;
import org.apache.solr.response.BinaryResponseWriter;
import org.apache.solr.response.SolrQueryResponse;
import org.apache.solr.update.AddUpdateCommand;
import org.apache.solr.update.processor.UpdateRequestProcessor;

/**
 * Embedded Solr without the serialisation {@link EmbeddedSolrServer} does even in process. It
 * writes every update request to javabin and has the update handler parse it back, and writes every
 * response to javabin for the client to parse: for documents that carry stored XML, that is a sixth
 * of the import's indexing thread. Two requests go straight through instead, the two the union
 * catalogue sends for every batch:
 *
 * <ul>
 *   <li>an update of documents only: each {@link SolrInputDocument} goes to the core's update
 *       processor chain (the one the request names, as the update handler would pick it) as an
 *       add command, so that version checks, the update log and real-time get work as they do for
 *       any update;
 *   <li>a real-time get: the handler runs as usual, and the documents it found are handed back
 *       with the values the javabin response would have carried (the fields the request asked for,
 *       index fields as the schema reads them).
 * </ul>
 *
 * Everything else (queries, deletes, commits) takes {@link EmbeddedSolrServer}'s own way.
 */
final class InProcessSolrServer extends EmbeddedSolrServer {

    private static final String UPDATE_PATH = "/update";
    private static final String GET_PATH = "/get";
    /** The parameters an update of documents may have to go straight through: none changes how it is added. */
    private static final Set<String> PLAIN_UPDATE_PARAMS = Set.of(UpdateParams.UPDATE_CHAIN);

    InProcessSolrServer(CoreContainer container) {
        super(container, null);
    }

    @Override
    public NamedList<Object> request(SolrRequest<?> request, String core) throws SolrServerException, IOException {
        if (core != null && request instanceof UpdateRequest update && isPlainAdd(update)) {
            return add(update, core);
        }
        if (core != null
                && request instanceof QueryRequest
                && GET_PATH.equals(request.getPath())
                && request.getResponseParser() == null
                && request.getStreamingResponseCallback() == null) {
            return realTimeGet(request, core);
        }
        return super.request(request, core);
    }

    /** Documents to add, with nothing else in the request and no per-document or per-request options. */
    private static boolean isPlainAdd(UpdateRequest update) {
        Map<SolrInputDocument, Map<String, Object>> documents = update.getDocumentsMap();
        SolrParams params = update.getParams();
        return (update.getPath() == null || UPDATE_PATH.equals(update.getPath()))
                && documents != null
                && !documents.isEmpty()
                && documents.values().stream().allMatch(Objects::isNull)
                && isEmpty(update.getDeleteById())
                && isEmpty(update.getDeleteQuery())
                && update.getDocIterator() == null
                && update.getCommitWithin() < 0
                && (params == null || onlyPlainParams(params));
    }

    private static boolean onlyPlainParams(SolrParams params) {
        for (var names = params.getParameterNamesIterator(); names.hasNext(); ) {
            if (!PLAIN_UPDATE_PARAMS.contains(names.next())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isEmpty(Collection<?> values) {
        return values == null || values.isEmpty();
    }

    /** What the update handler does with a javabin stream of these documents, minus the stream. */
    private NamedList<Object> add(UpdateRequest update, String coreName) throws SolrServerException, IOException {
        try (SolrCore core = core(coreName)) {
            SolrParams params = update.getParams() == null ? new ModifiableSolrParams() : update.getParams();
            SolrQueryRequest req = new LocalSolrQueryRequest(core, params);
            req.getContext().put(CommonParams.PATH, UPDATE_PATH);
            SolrQueryResponse rsp = new SolrQueryResponse();
            rsp.addResponseHeader(new SimpleOrderedMap<>());
            SolrRequestInfo.setRequestInfo(new SolrRequestInfo(req, rsp));
            try {
                UpdateRequestProcessor processor =
                        core.getUpdateProcessorChain(params).createProcessor(req, rsp);
                try {
                    List<SolrInputDocument> documents = update.getDocuments();
                    for (int i = 0; i < documents.size(); i++) {
                        AddUpdateCommand command = new AddUpdateCommand(req);
                        command.solrDoc = documents.get(i);
                        command.isLastDocInBatch = i == documents.size() - 1;
                        processor.processAdd(command);
                    }
                    processor.finish();
                } finally {
                    processor.close();
                }
            } catch (SolrException e) {
                throw e;
            } catch (Exception e) {
                throw new SolrServerException(e);
            } finally {
                req.close();
                SolrRequestInfo.clearRequestInfo();
            }
            NamedList<Object> response = new NamedList<>();
            response.add("responseHeader", rsp.getResponseHeader());
            return response;
        }
    }

    /** The real-time get handler's answer, its documents as javabin would have carried them. */
    private NamedList<Object> realTimeGet(SolrRequest<?> request, String coreName)
            throws SolrServerException, IOException {
        try (SolrCore core = core(coreName)) {
            SolrRequestHandler handler = core.getRequestHandler(GET_PATH);
            if (handler == null) {
                throw new SolrException(SolrException.ErrorCode.BAD_REQUEST, "unknown handler: " + GET_PATH);
            }
            SolrParams params = request.getParams() == null ? new ModifiableSolrParams() : request.getParams();
            SolrQueryRequest req = new LocalSolrQueryRequest(core, params);
            req.getContext().put(CommonParams.PATH, GET_PATH);
            req.getContext().put("httpMethod", request.getMethod().name());
            SolrQueryResponse rsp = new SolrQueryResponse();
            SolrRequestInfo.setRequestInfo(new SolrRequestInfo(req, rsp));
            try {
                core.execute(handler, req, rsp);
                if (rsp.getException() instanceof SolrException e) {
                    throw e;
                } else if (rsp.getException() != null) {
                    throw new SolrServerException(rsp.getException());
                }
                Values values = new Values(new BinaryResponseWriter.Resolver(req, rsp.getReturnFields()));
                NamedList<Object> response = new NamedList<>();
                for (Map.Entry<String, Object> entry : rsp.getValues()) {
                    response.add(entry.getKey(), values.of(entry.getValue()));
                }
                return response;
            } finally {
                req.close();
                SolrRequestInfo.clearRequestInfo();
            }
        }
    }

    private SolrCore core(String name) {
        SolrCore core = coreContainer.getCore(name);
        if (core == null) {
            throw new SolrException(SolrException.ErrorCode.SERVER_ERROR, "No such core: " + name);
        }
        return core;
    }

    /**
     * The documents of a real-time get as the javabin codec would write and its parser read them:
     * only the fields the request asked for, stored index fields turned into their values by the
     * schema, text as {@link String}s.
     */
    private record Values(BinaryResponseWriter.Resolver resolver) {

        Object of(Object value) throws IOException {
            if (value instanceof SolrDocumentList list) {
                SolrDocumentList copy = new SolrDocumentList();
                copy.setNumFound(list.getNumFound());
                copy.setStart(list.getStart());
                copy.setMaxScore(list.getMaxScore());
                copy.setNumFoundExact(list.getNumFoundExact());
                for (SolrDocument doc : list) {
                    copy.add(document(doc));
                }
                return copy;
            }
            if (value instanceof SolrDocument doc) {
                return document(doc);
            }
            return value;
        }

        private SolrDocument document(SolrDocument doc) throws IOException {
            SolrDocument copy = new SolrDocument();
            for (Map.Entry<String, Object> field : doc) {
                if (resolver.isWritable(field.getKey())) {
                    copy.setField(field.getKey(), fieldValue(field.getValue()));
                }
            }
            return copy;
        }

        private Object fieldValue(Object value) throws IOException {
            if (value instanceof Collection<?> values) {
                List<Object> plain = new ArrayList<>(values.size());
                for (Object one : values) {
                    plain.add(single(one));
                }
                return plain;
            }
            return single(value);
        }

        private Object single(Object value) throws IOException {
            Object resolved = resolver.resolve(value, null);
            return resolved instanceof CharSequence text && !(resolved instanceof String) ? text.toString() : resolved;
        }
    }
}
