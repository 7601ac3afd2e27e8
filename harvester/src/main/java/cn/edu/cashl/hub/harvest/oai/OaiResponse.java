package cn.edu.cashl.hub.harvest.oai;

import cn.edu.cashl.hub.ingest.read.RawRecord;
import java.util.List;

/**
 * One OAI-PMH response as the harvester needs it: the envelope, the records (each with its metadata
 * kept as received), and the resumption token.
 *
 * @param responseDate the provider's responseDate, as sent
 * @param errorCode    the first OAI-PMH error code, or null
 * @param errorMessage its text, or null
 * @param identify     the Identify answer, when this is one
 * @param records      the records of a ListRecords or GetRecord page, deleted headers included
 * @param token        the resumption token, or null when the page has none (the list is complete)
 * @param repairs      every repair made to the page's text, described with the record it touched
 * @param metadataPrefixes the formats a ListMetadataFormats response offers (empty for other verbs)
 */
public record OaiResponse(
        String responseDate,
        String errorCode,
        String errorMessage,
        Identify identify,
        List<RawRecord> records,
        ResumptionToken token,
        List<String> repairs,
        List<String> metadataPrefixes) {

    public OaiResponse {
        records = List.copyOf(records);
        repairs = List.copyOf(repairs);
        metadataPrefixes = metadataPrefixes == null ? List.of() : List.copyOf(metadataPrefixes);
    }

    public OaiResponse(
            String responseDate,
            String errorCode,
            String errorMessage,
            Identify identify,
            List<RawRecord> records,
            ResumptionToken token,
            List<String> repairs) {
        this(responseDate, errorCode, errorMessage, identify, records, token, repairs, List.of());
    }

    public boolean isError() {
        return errorCode != null;
    }

    /** The token to ask for the next page with, or null at the end of the list. */
    public String nextToken() {
        return token == null || token.isEnd() ? null : token.value().strip();
    }
}
