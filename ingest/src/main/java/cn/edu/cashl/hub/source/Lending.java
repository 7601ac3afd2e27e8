package cn.edu.cashl.hub.source;

/**
 * How a member library takes part in document delivery (docs/efirst.md, the ranking policy): its
 * tier, and where its own interlibrary-loan system takes an onward OpenURL.
 *
 * @param tier       centre or service library; null when not a lender (a CALIS feed, a demo)
 * @param illBaseUrl the base URL of its ILL system's OpenURL form, or null
 */
public record Lending(LibraryTier tier, String illBaseUrl) {

    public static final Lending NONE = new Lending(null, null);
}
