package cn.edu.cashl.hub.admin.crosswalk;

import cn.edu.cashl.hub.crosswalk.CompileError;
import cn.edu.cashl.hub.crosswalk.Crosswalk;
import cn.edu.cashl.hub.crosswalk.CrosswalkCompileException;
import cn.edu.cashl.hub.crosswalk.CrosswalkEngine;
import cn.edu.cashl.hub.crosswalk.Crosswalks;
import cn.edu.cashl.hub.crosswalk.Sandbox;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of an admin's stylesheet: checked in the sandbox, saved as a version, published (made the
 * crosswalk in use, here and, at their next start or poll, on the other nodes), rolled back. Stylesheets
 * from the editor always run in the {@link Sandbox}; the packaged version 1 is the hub's own code.
 */
public final class CrosswalkEditor {

    private static final Logger LOG = LoggerFactory.getLogger(CrosswalkEditor.class);
    /** The column holds 2000; a comment says what changed and why, in a line or two. */
    static final int MAX_COMMENT = 2000;

    private final Crosswalks crosswalks;
    private final Sandbox sandbox;
    private final CrosswalkVersions versions;

    public CrosswalkEditor(Crosswalks crosswalks, Sandbox sandbox, CrosswalkVersions versions) {
        this.crosswalks = crosswalks;
        this.sandbox = sandbox;
        this.versions = versions;
    }

    public CrosswalkVersions versions() {
        return versions;
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public Crosswalks crosswalks() {
        return crosswalks;
    }

    /** The compile errors of a stylesheet, each at its line; empty when it compiles in the sandbox. */
    public List<CompileError> check(String crosswalk, String stylesheet) {
        try {
            sandbox.compile(crosswalk, 0, stylesheet);
            return List.of();
        } catch (CrosswalkCompileException e) {
            return e.problems();
        }
    }

    /**
     * Saves a stylesheet as the crosswalk's next version, if it compiles in the sandbox.
     *
     * @throws CrosswalkCompileException with the errors when it does not
     */
    public CrosswalkVersions.Version save(String crosswalk, String stylesheet, String author, String comment)
            throws CrosswalkCompileException {
        String note = comment == null ? "" : comment.strip();
        if (note.length() > MAX_COMMENT) {
            throw new IllegalArgumentException("a version comment has at most " + MAX_COMMENT + " characters");
        }
        sandbox.compile(crosswalk, 0, stylesheet);
        return versions.save(crosswalk, stylesheet, author, note);
    }

    /**
     * Makes a version the crosswalk in use and records who did.
     *
     * @throws CrosswalkCompileException when the version no longer compiles (the one in use stays)
     * @throws IllegalArgumentException  for an unknown version
     */
    public CrosswalkVersions.Publication publish(String crosswalk, int version, String user)
            throws CrosswalkCompileException {
        Crosswalk compiled = compile(crosswalk, version);
        crosswalks.install(compiled);
        LOG.info("crosswalk {} version {} published by {}", crosswalk, version, user);
        return versions.publish(crosswalk, version, user);
    }

    /**
     * Installs the published version of every crosswalk that has one: at start-up (the hub, and the
     * commands that crosswalk records), so that all of them use what the admins published. A version
     * that no longer compiles (a Saxon upgrade, say) leaves the packaged one in use, and says so.
     */
    public void installPublished() {
        for (Map.Entry<String, CrosswalkVersions.Publication> live :
                versions.publishedAll().entrySet()) {
            if (!CrosswalkUsage.exists(live.getKey())
                    || crosswalks.get(live.getKey()).version()
                            == live.getValue().version()) {
                continue;
            }
            try {
                crosswalks.install(compile(live.getKey(), live.getValue().version()));
            } catch (CrosswalkCompileException | IllegalArgumentException e) {
                LOG.error(
                        "published version {} of crosswalk {} cannot be used; the packaged one serves instead: {}",
                        live.getValue().version(),
                        live.getKey(),
                        e.getMessage());
            }
        }
    }

    /** The live version's number. */
    public int publishedVersion(String crosswalk) {
        return versions.published(crosswalk)
                .map(CrosswalkVersions.Publication::version)
                .orElse(CrosswalkVersions.PACKAGED);
    }

    private Crosswalk compile(String crosswalk, int version) throws CrosswalkCompileException {
        if (version == CrosswalkVersions.PACKAGED) {
            return new CrosswalkEngine()
                    .compile(crosswalk, version, Crosswalks.packagedSource(crosswalk)); // rare: a rollback to it
        }
        Optional<CrosswalkVersions.Version> text = versions.version(crosswalk, version);
        if (text.isEmpty()) {
            throw new IllegalArgumentException("crosswalk " + crosswalk + " has no version " + version);
        }
        return sandbox.compile(crosswalk, version, text.get().stylesheet());
    }
}
