package cn.edu.cashl.hub.sru.query;

import java.util.Map;

/**
 * A CQL query translated for Solr: Lucene syntax whose user terms are all parameters
 * ({@code {!field f=title_text v=$t1}}) or escaped, and the parameters themselves.
 */
public record SolrQueryText(String query, Map<String, String> params) {

    public SolrQueryText {
        params = Map.copyOf(params);
    }
}
