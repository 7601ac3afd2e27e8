package cn.edu.cashl.hub.bench;

/** Counting in response bodies: the benchmarks check answers as text, without parsing them. */
final class TextCount {

    private TextCount() {}

    /** How often {@code what} occurs in {@code text}, without overlaps. */
    static int of(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }
}
