package cn.edu.cashl.hub.cli;

import cn.edu.cashl.hub.admin.crosswalk.CrosswalkEditor;
import cn.edu.cashl.hub.admin.crosswalk.CrosswalkVersions;
import cn.edu.cashl.hub.config.HubConfig;
import cn.edu.cashl.hub.crosswalk.Crosswalks;
import cn.edu.cashl.hub.crosswalk.Sandbox;
import cn.edu.cashl.hub.db.Database;
import cn.edu.cashl.hub.db.DatabaseException;
import cn.edu.cashl.hub.db.Jdbc;
import cn.edu.cashl.hub.source.SourceStore;
import cn.edu.cashl.hub.source.Sources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * What the admins changed in the web admin, for the commands: the published crosswalk versions and
 * the sources saved there, so that {@code import}, {@code recrosswalk}, {@code harvest} and
 * {@code crosswalk} treat records as the running hub does. Read from the operational database when
 * it exists and can be opened; a command on a fresh data directory, or run beside a hub that holds
 * the embedded database, works with the packaged crosswalks and the sources file (and says so).
 */
final class AdminState {

    private AdminState() {}

    /** Installs the published crosswalks and adds the saved sources to these, where there are any. */
    static void apply(HubConfig config, Sources sources, Crosswalks crosswalks) {
        Path dataDir = CommonOptions.dataDir(config);
        boolean embedded = config.db().url() == null || config.db().url().isBlank();
        if (embedded && !Files.exists(dataDir.resolve("db").resolve("cashl.mv.db"))) {
            return; // no hub ever ran here: nothing was published or saved
        }
        try (Database database = Database.open(config.db(), dataDir)) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            if (crosswalks != null) {
                new CrosswalkEditor(
                                crosswalks,
                                new Sandbox(Duration.ofMillis(config.admin().recordTimeoutMillis())),
                                new CrosswalkVersions(jdbc, Clock.systemUTC()))
                        .installPublished();
            }
            if (sources != null) {
                new SourceStore(database.dataSource()).applyTo(sources);
            }
        } catch (DatabaseException e) {
            System.err.println("cashl-hub: the admin's published crosswalks and saved sources are not applied ("
                    + e.getMessage() + "); using the packaged crosswalks and the sources file");
        }
    }
}
