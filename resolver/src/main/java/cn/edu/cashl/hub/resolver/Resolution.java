package cn.edu.cashl.hub.resolver;

import cn.edu.cashl.hub.coverage.Citation;
import cn.edu.cashl.hub.openurl.OpenUrlRequest;
import java.util.List;

/**
 * The resolver's answer to one request: what it understood, what it found, every way to the full
 * text ranked, and the ways ruled out.
 *
 * @param request  the request as read
 * @param citation where in the title the citation is (date, volume, issue), as the coverage engine reads it
 * @param home     the reader's home library, or null when the request names no member
 * @param matches  the master records found
 * @param options  the ways to the full text, best first
 * @param excluded the ways ruled out, with why
 * @param notes    what was repaired, assumed or found on the way (the request's own notes first)
 * @param problem  why the request could not be resolved in full, or null
 * @param libraries the member libraries as they were when it was resolved, for their names
 */
public record Resolution(
        OpenUrlRequest request,
        Citation citation,
        Member home,
        List<Match> matches,
        List<Option> options,
        List<Exclusion> excluded,
        List<String> notes,
        Problem problem,
        LibraryDirectory libraries) {

    public Resolution {
        matches = List.copyOf(matches);
        options = List.copyOf(options);
        excluded = List.copyOf(excluded);
        notes = List.copyOf(notes);
    }

    /** The best way, or null when there is none. */
    public Option best() {
        return options.isEmpty() ? null : options.get(0);
    }
}
