package cn.edu.cashl.hub.harvest.oai;

/** What a harvest run learns from its requests, for its counts and its log. */
public interface FetchListener {

    /** A request was answered: {@code bytes} as received on the wire. */
    void requested(String uri, long bytes);

    /** A request failed and will be tried again after {@code waitMillis}. */
    void retrying(String reason, long waitMillis);

    /** A page's text was repaired. */
    void repaired(String description);

    FetchListener NONE = new FetchListener() {
        @Override
        public void requested(String uri, long bytes) {}

        @Override
        public void retrying(String reason, long waitMillis) {}

        @Override
        public void repaired(String description) {}
    };
}
