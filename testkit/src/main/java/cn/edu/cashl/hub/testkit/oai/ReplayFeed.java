package cn.edu.cashl.hub.testkit.oai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Captured responses of a real repository, replayed: the first ListRecords request gets the first
 * page, and each page's own resumption token leads to the next one. The last page's token, if the
 * capture has one that leads nowhere, is emptied so that the list ends there; an unknown token is
 * answered with badResumptionToken, as a real provider would.
 */
public final class ReplayFeed implements Feed {

    private final byte[] identify;
    private final byte[] first;
    private final Map<String, byte[]> byToken = new HashMap<>();

    public ReplayFeed(Path identify, List<Path> pages) {
        this.identify = read(identify);
        byte[] previous = null;
        byte[] firstPage = null;
        for (int i = 0; i < pages.size(); i++) {
            byte[] page = read(pages.get(i));
            if (i == pages.size() - 1) {
                page = new String(page, StandardCharsets.UTF_8)
                        .replaceAll(
                                "<resumptionToken([^>]*)>[^<]+</resumptionToken>",
                                "<resumptionToken$1></resumptionToken>")
                        .getBytes(StandardCharsets.UTF_8);
            }
            if (previous == null) {
                firstPage = page;
            } else {
                byToken.put(tokenOf(previous), page);
            }
            previous = page;
        }
        this.first = firstPage;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public byte[] identify() {
        return identify;
    }

    @Override
    public byte[] listRecords(Map<String, String> arguments) {
        String token = arguments.get("resumptionToken");
        if (token == null) {
            return first;
        }
        byte[] page = byToken.get(token);
        return page != null ? page : Feed.error("badResumptionToken", "unknown token");
    }
}
