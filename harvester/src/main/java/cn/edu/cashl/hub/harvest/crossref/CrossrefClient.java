package cn.edu.cashl.hub.harvest.crossref;

import cn.edu.cashl.hub.harvest.oai.FetchListener;
import cn.edu.cashl.hub.harvest.oai.HarvestFault;
import cn.edu.cashl.hub.harvest.oai.HttpFetcher;
import cn.edu.cashl.hub.harvest.oai.MalformedResponseException;
import cn.edu.cashl.hub.harvest.oai.RetryPolicy;
import java.net.URI;

/**
 * Speaks to Crossref's REST API, one page of works at a time, through the harvester's
 * {@link HttpFetcher} (timeouts, size limit, compression, 429 and 5xx tried again with
 * {@code Retry-After} honoured), paced to the rate Crossref announces ({@link RequestPacing}). A page
 * that is not a whole work-list answer is asked for again like any transient failure, and stops the
 * run with a {@link HarvestFault} when the tries run out; an answer in which Crossref says what it
 * objects to is a {@link CrossrefRefusal}, never tried again.
 */
public final class CrossrefClient {

    private final HttpFetcher fetcher;
    private final RetryPolicy retry;
    private final RequestPacing pacing;

    /** @param fetcher a fetcher whose User-Agent carries the source's mailto ({@link #userAgent}) */
    public CrossrefClient(HttpFetcher fetcher, RetryPolicy retry) {
        this.fetcher = fetcher;
        this.retry = retry;
        this.pacing = new RequestPacing(retry.cap());
    }

    /**
     * The User-Agent Crossref's etiquette asks for: the product and version of the configured one
     * ({@code CASHL-Hub/1.0}) with the contact address, {@code CASHL-Hub/1.0 (mailto:metadata@cashl.edu.cn)};
     * the configured one as it is when there is no address.
     */
    public static String userAgent(String configured, String mailto) {
        if (mailto == null || mailto.isBlank()) {
            return configured;
        }
        String product = configured == null || configured.isBlank()
                ? "CASHL-Hub"
                : configured.strip().split("\\s+")[0];
        return product + " (mailto:" + mailto.strip() + ")";
    }

    /**
     * One page of one query.
     *
     * @param query  the query
     * @param index  which of its ISSN queries, 0 first
     * @param cursor {@link WorksQuery#FIRST_CURSOR} or the previous page's next cursor
     * @param name   what the page is, for messages and the positions of its works
     * @throws HarvestFault     when the tries run out (the server kept failing, the page stayed broken)
     * @throws CrossrefRefusal  when Crossref refuses the request and says why
     */
    public WorksPage page(WorksQuery query, int index, String cursor, String name, FetchListener listener)
            throws HarvestFault, CrossrefRefusal, InterruptedException {
        URI uri = query.page(index, cursor);
        for (int attempt = 1; ; attempt++) {
            pacing.await();
            HttpFetcher.Answer answer = fetcher.fetch(uri, true, listener);
            pacing.update(answer.headers());
            if (!answer.ok()) {
                throw CrossrefRefusal.ofStatus(answer.status(), answer.body(), name);
            }
            try {
                return WorksPage.read(answer.body(), name);
            } catch (MalformedResponseException e) {
                retry.unusableAnswer(attempt, e.getMessage(), listener);
            }
        }
    }
}
