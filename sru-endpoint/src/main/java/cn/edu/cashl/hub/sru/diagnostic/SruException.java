package cn.edu.cashl.hub.sru.diagnostic;

/** A request the hub answers with a fatal diagnostic instead of results. */
public final class SruException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient SruDiagnostic diagnostic;

    public SruException(SruDiagnostic diagnostic) {
        super(diagnostic.message(), null, false, false);
        this.diagnostic = diagnostic;
    }

    public static SruException of(int code, String details, String explanation) {
        return SruDiagnostic.of(code, details, explanation).failure();
    }

    public SruDiagnostic diagnostic() {
        return diagnostic;
    }
}
