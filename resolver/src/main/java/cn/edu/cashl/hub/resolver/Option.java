package cn.edu.cashl.hub.resolver;

/**
 * One way to the full text, in the ranked answer.
 *
 * @param rank        1 for the best
 * @param kind        what kind of way
 * @param library     the library whose licence or copy it is ({@code cashl} for a consortium
 *                    licence); the home library for the ILL hand-off
 * @param url         where to go: the article or title link (through the proxy), a delivery request,
 *                    the onward OpenURL; null when there is nothing to click (a print copy without a
 *                    catalogue link, a delivery when the home library has no ILL system)
 * @param why         why it is offered
 * @param coverage    for an electronic option the range it was decided on, as a holdings statement;
 *                    for a print option the call numbers and holdings statement; may be null
 * @param packageName the package of an electronic option; null otherwise
 */
public record Option(
        int rank, OptionKind kind, String library, String url, Why why, String coverage, String packageName) {}
