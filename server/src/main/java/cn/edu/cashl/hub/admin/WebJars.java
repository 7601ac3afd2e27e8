package cn.edu.cashl.hub.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The versions of the front-end libraries the build packs (filtered in from the POM), for their webjar paths. */
final class WebJars {

    static final String CODEMIRROR;
    static final String CHART_JS;

    static {
        Properties versions = new Properties();
        try (InputStream in = WebJars.class.getResourceAsStream("/admin-ui/webjars.properties")) {
            if (in == null) {
                throw new IllegalStateException("admin-ui/webjars.properties is missing from the build");
            }
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CODEMIRROR = versions.getProperty("codemirror");
        CHART_JS = versions.getProperty("chart.js");
    }

    private WebJars() {}
}
