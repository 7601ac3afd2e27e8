package cn.edu.cashl.hub.admin.source;

/** How many rows a page of runs or quarantined records holds: as asked, but one at least and never so many that a page is slow. */
final class PageSize {

    private static final int MAX_ROWS = 200;

    private PageSize() {}

    static int of(int asked) {
        return Math.min(Math.max(asked, 1), MAX_ROWS);
    }
}
