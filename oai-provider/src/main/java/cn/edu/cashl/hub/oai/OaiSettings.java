package cn.edu.cashl.hub.oai;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the OAI-PMH data provider presents itself and pages ({@code oai:} in {@code cashl-hub.yaml}).
 *
 * @param baseUrl              the baseURL exactly as harvesters reach it (behind a proxy, the
 *                             proxy's), echoed in every response; null: the hub's URL as the
 *                             request reached it, plus {@code /oai}
 * @param repositoryName       Identify's repositoryName
 * @param repositoryIdentifier the namespace of the item identifiers {@code oai:<it>:<master id>}: a
 *                             domain name the consortium controls
 * @param adminEmails          one or more addresses for Identify
 * @param recordsPerPage       records per ListRecords page
 * @param headersPerPage       headers per ListIdentifiers page
 * @param tokenLifetime        how long a resumption token stays valid; at least 24 hours
 * @param tokenKey             the secret resumption tokens are signed with: every node of a
 *                             cluster needs the same one
 * @param visibilityWait       how long a list request waits for writes in progress to become
 *                             visible before it answers 503 (see {@code DatestampClock})
 */
public record OaiSettings(
        String baseUrl,
        String repositoryName,
        String repositoryIdentifier,
        List<String> adminEmails,
        int recordsPerPage,
        int headersPerPage,
        Duration tokenLifetime,
        byte[] tokenKey,
        Duration visibilityWait) {

    /** Domain-name syntax of the oai-identifier scheme's repositoryIdentifier. */
    private static final String DOMAIN = "[a-zA-Z][a-zA-Z0-9-]*(\\.[a-zA-Z][a-zA-Z0-9-]*)+";

    public OaiSettings {
        Objects.requireNonNull(repositoryName, "repositoryName");
        adminEmails = List.copyOf(adminEmails);
        if (adminEmails.isEmpty()) {
            throw new IllegalArgumentException("OAI-PMH needs at least one adminEmail");
        }
        if (!repositoryIdentifier.matches(DOMAIN)) {
            throw new IllegalArgumentException("repositoryIdentifier '" + repositoryIdentifier
                    + "' is not a domain name (oai-identifier scheme), e.g. hub.cashl.edu.cn");
        }
        if (recordsPerPage < 1 || headersPerPage < 1) {
            throw new IllegalArgumentException("page sizes must be at least 1");
        }
        if (tokenLifetime.compareTo(Duration.ofHours(24)) < 0) {
            throw new IllegalArgumentException("resumption tokens must live at least 24 hours, not " + tokenLifetime);
        }
        if (tokenKey.length < 16) {
            throw new IllegalArgumentException("the resumption token key needs at least 16 bytes");
        }
        tokenKey = tokenKey.clone();
    }

    @Override
    public byte[] tokenKey() {
        return tokenKey.clone();
    }
}
