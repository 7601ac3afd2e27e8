package cn.edu.cashl.hub.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.db.Database;
import cn.edu.cashl.hub.db.DbSettings;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sources edited at run time: kept in the operational database, laid over the file, swapped in whole. */
class SourceStoreTest {

    private static final Source PKU = Source.oaiPmh("pku", "http://pku.example.edu.cn/oai", "marc21")
            .withNames("Peking University", "北京大学")
            .withSets(List.of("hss", "books"))
            .withSchedule("0 0 2 * * ?")
            .withEnabled(false);
    private static final Source FUDAN =
            Source.oaiPmh("fudan", "http://fudan.example.edu.cn/oai", "marc21").withNames("Fudan", null);

    @Test
    void savedDefinitionsAreKeptWithWhoSavedThemAndLieOverTheFile(@TempDir Path dir) throws Exception {
        try (Database database = Database.open(new DbSettings("", "sa", "", 2), dir)) {
            DataSource data = database.dataSource();
            SourceStore store = new SourceStore(data);
            assertEquals(List.of(), store.all());

            store.save(PKU, "alice");
            assertEquals(List.of(PKU), store.all(), "every field comes back as saved");
            Source renamed = Source.oaiPmh("pku", "http://pku.example.edu.cn/oai", "marc21")
                    .withNames("PKU Library", "北京大学")
                    .withSets(List.of("hss"))
                    .withSchedule("0 0 3 * * ?");
            store.save(renamed, "bob");
            Source upload = Source.file("upload", "marc21").withNames("Uploads", null);
            store.save(upload, "bob");
            assertEquals(List.of(renamed, upload), store.all());
            assertEquals("bob", store.get("pku").orElseThrow().updatedBy());
            assertTrue(store.get("nope").isEmpty());

            // Another node (or the next start) sees the same.
            assertEquals(List.of(renamed, upload), new SourceStore(data).all());

            Sources file = Sources.of(List.of(PKU, FUDAN));
            Collection<Source> fromFile = file.all();
            store.applyTo(file);
            assertEquals(
                    List.of("pku", "fudan", "upload"),
                    file.all().stream().map(Source::id).toList());
            assertEquals("PKU Library", file.require("pku").name());
            assertEquals(
                    List.of("pku", "fudan"),
                    fromFile.stream().map(Source::id).toList(),
                    "a reader's snapshot is left as it was");

            Sources again = Sources.of(List.of(PKU, FUDAN));
            try (var connection = data.getConnection()) {
                // A definition saved by an older hub that this one no longer accepts.
                connection
                        .createStatement()
                        .execute("INSERT INTO admin_source (source_id, definition, updated_by, updated_at) "
                                + "VALUES ('Bad Id', '{\"id\":\"Bad Id\",\"type\":\"file\"}', 'old', 0)");
            }
            new SourceStore(data).applyTo(again);
            assertEquals(
                    List.of("pku", "fudan", "upload"),
                    again.all().stream().map(Source::id).toList());
        }
    }

    @Test
    void sourcesChangeAtRunTimeOnlyWithValidDefinitionsAndReadersKeepTheirSnapshot() throws Exception {
        Sources sources = Sources.of(List.of(PKU, FUDAN));
        Collection<Source> before = sources.all();

        Source edited =
                Source.oaiPmh("pku", "http://pku.example.edu.cn/oai", "marc21").withNames("PKU", null);
        sources.put(edited);
        sources.put(Source.file("late", null));
        assertEquals(
                List.of("pku", "fudan", "late"),
                sources.all().stream().map(Source::id).toList(),
                "an edit keeps the source's place");
        assertEquals("PKU", sources.require("pku").name());
        assertEquals(2, before.size(), "what a reader had stays as it was");

        SourcesException cron = assertThrows(
                SourcesException.class,
                () -> sources.put(Source.oaiPmh("pku", "http://x/oai", "marc21").withSchedule("every night")));
        assertTrue(cron.getMessage().contains("not a Quartz cron expression"), cron.getMessage());
        assertThrows(SourcesException.class, () -> sources.put(Source.oaiPmh("x", null, "marc21")));
        assertThrows(SourcesException.class, () -> Sources.validate(null));
        assertEquals("PKU", sources.require("pku").name(), "a refused edit changes nothing");
    }
}
