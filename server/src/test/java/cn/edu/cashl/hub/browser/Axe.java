package cn.edu.cashl.hub.browser;

import cn.edu.cashl.hub.testkit.ProjectRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Deque's axe-core, the accessibility engine, run in the page under test. It comes from the npm
 * registry (server/src/test/browser/package.json, locked), installed into that folder for the test
 * run only: it is never part of the hub.
 */
public final class Axe {

    /** The rules run: WCAG 2.0, 2.1 and 2.2 levels A and AA, and Deque's best practices. */
    private static final String TAGS = "['wcag2a','wcag2aa','wcag21a','wcag21aa','wcag22aa','best-practice']";

    private static String source;

    private Axe() {}

    /**
     * The violations on the page as it is now (shadow roots included), one line each: the rule, its
     * impact, and the first elements it found.
     */
    @SuppressWarnings("unchecked")
    public static List<String> violations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(source());
        }
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: " + TAGS + "}, resultTypes: ['violations']})"
                + ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                + " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + n.failureSummary)}))))"
                + ".catch(e => done([{id: 'axe-failed', impact: 'critical', help: String(e), nodes: []}]));");
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> violation : (List<Map<String, Object>>) result) {
            lines.add(violation.get("id") + " (" + violation.get("impact") + "): " + violation.get("help") + " "
                    + violation.get("nodes"));
        }
        return lines;
    }

    /** axe.min.js, installed from the lock file when it is not there yet. */
    private static synchronized String source() {
        if (source != null) {
            return source;
        }
        Path folder = ProjectRoot.find().resolve("server/src/test/browser");
        Path script = folder.resolve("node_modules/axe-core/axe.min.js");
        try {
            if (!Files.exists(script)) {
                Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                        .directory(folder.toFile())
                        .inheritIO()
                        .start();
                if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                    throw new AssertionError(
                            "npm ci in " + folder + " failed: axe-core is needed for the accessibility checks");
                }
            }
            source = Files.readString(script);
            return source;
        } catch (IOException e) {
            throw new UncheckedIOException("npm is needed for the accessibility checks (apt-get install npm)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted installing axe-core", e);
        }
    }
}
