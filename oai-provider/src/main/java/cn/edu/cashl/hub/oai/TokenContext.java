package cn.edu.cashl.hub.oai;

import io.gdcc.xoai.model.oaipmh.Granularity;
import io.gdcc.xoai.model.oaipmh.ResumptionToken;
import io.gdcc.xoai.services.api.ResumptionTokenFormat;
import io.gdcc.xoai.xml.WriterContext;

/**
 * How XOAI writes one response: second granularity, and the resumption token this response issues.
 * XOAI writes a token's text through the context's {@link ResumptionTokenFormat}; ours already
 * has its text (from {@link ResumptionTokens}), so the format just returns it.
 */
final class TokenContext implements WriterContext {

    private final String token;

    /** @param token the token this response issues; null when it issues none */
    TokenContext(String token) {
        this.token = token;
    }

    @Override
    public Granularity getGranularity() {
        return Granularity.Second;
    }

    @Override
    public ResumptionTokenFormat getResumptionTokenFormat() {
        return new ResumptionTokenFormat() {
            @Override
            public ResumptionTokenFormat withGranularity(Granularity granularity) {
                return this;
            }

            @Override
            public String format(ResumptionToken.Value value) {
                if (token == null) {
                    throw new IllegalStateException("this response issues no resumption token");
                }
                return token;
            }

            @Override
            public ResumptionToken.Value parse(String value) {
                throw new UnsupportedOperationException("tokens are read by ResumptionTokens");
            }
        };
    }
}
