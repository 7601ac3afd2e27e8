package cn.edu.cashl.hub.resolver;

/**
 * A member library as the resolver knows it.
 *
 * @param code       the holding-library code (its source's id), e.g. {@code pku}
 * @param name       English name; the code when none is configured
 * @param nameZh     Chinese name; may be null
 * @param tier       its tier in document delivery; null when it does not lend
 * @param illBaseUrl the base URL of its interlibrary-loan system's OpenURL form; null when it has none
 */
public record Member(String code, String name, String nameZh, LenderTier tier, String illBaseUrl) {

    public Member {
        name = name == null || name.isBlank() ? code : name;
    }

    /** Whether it lends to other members (it has a tier). */
    public boolean lends() {
        return tier != null;
    }
}
