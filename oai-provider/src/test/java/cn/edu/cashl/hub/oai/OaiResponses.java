package cn.edu.cashl.hub.oai;

import cn.edu.cashl.hub.testkit.oai.OaiDocuments;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;

/** Calls a provider as the hub's HTTP layer does and reads the answer, validated (see {@link OaiDocuments}). */
final class OaiResponses {

    private final OaiProvider provider;

    OaiResponses(OaiProvider provider) {
        this.provider = provider;
    }

    /** The response to a request given as name, value, name, value... */
    Document get(String... pairs) throws Exception {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        provider.answer(params, "http://127.0.0.1:8080").writeTo(out);
        return OaiDocuments.parse(out.toByteArray());
    }
}
