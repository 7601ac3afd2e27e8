package cn.edu.cashl.hub.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.edu.cashl.hub.cli.Main;
import cn.edu.cashl.hub.cli.TestHubs;
import cn.edu.cashl.hub.server.DemoHub;
import cn.edu.cashl.hub.server.Hub;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A harvesting hub for the admin's tests, on a free loopback port: the demo feed imported as source
 * {@code demo}, one untitled record quarantined in source {@code local}, an admin and an editor
 * account created with {@code ./cashl-hub user add}, and the harvest scheduler running (the admin's
 * background jobs go through it). Its configuration directory is a copy of the packaged one, so that
 * what the admin changes there (the journal lists) stays out of the checkout.
 */
final class AdminHub implements AutoCloseable {

    static final String ADMIN = "alice";
    static final String EDITOR = "erin";
    static final String PASSWORD = "correct horse battery";

    final Hub hub;
    final String base;
    /** The hub's configuration directory: its journal lists are {@code journals/}. */
    final Path configDir;

    private AdminHub(Hub hub, Path configDir) {
        this.hub = hub;
        this.base = "http://127.0.0.1:" + hub.port();
        this.configDir = configDir;
    }

    static AdminHub start(Path work) throws Exception {
        return start(work, "");
    }

    /** As {@link #start(Path)}, with more sources: entries of the {@code sources:} list in YAML. */
    static AdminHub start(Path work, String moreSources) throws Exception {
        Path data = work.resolve("data");
        Path config = copyConfig(DemoHub.importDemo(data), work.resolve("config"));
        // Nothing of that file is accepted, which the import reports with exit code 1.
        DemoHub.importFile(config, data, "local", untitledRecord(work), 1);
        addUser(config, data, ADMIN, "admin");
        addUser(config, data, EDITOR, "editor");
        Path sources = work.resolve("sources.yaml");
        Files.writeString(sources, """
                sources:
                  - id: demo
                    type: file
                    format: marc21
                    name: CASHL demo feed
                    nameZh: CASHL演示数据
                  - id: local
                    type: file
                    name: Local imports
                    nameZh: 本地导入
                """ + moreSources);
        return new AdminHub(
                Hub.start(DemoHub.loopback(config, data), data, TestHubs.harvesting(config, sources)),
                config.getParent());
    }

    /** The packaged configuration file, sources, HSS rules and journal lists, copied; returns the copied file. */
    private static Path copyConfig(Path packaged, Path dir) throws Exception {
        Path from = packaged.getParent();
        Files.createDirectories(dir.resolve("journals"));
        for (String file : List.of("cashl-hub.yaml", "hss-rules.yaml", "sources.yaml")) {
            Files.copy(from.resolve(file), dir.resolve(file));
        }
        try (Stream<Path> lists = Files.list(from.resolve("journals"))) {
            for (Path list : lists.toList()) {
                Files.copy(list, dir.resolve("journals").resolve(list.getFileName()));
            }
        }
        return dir.resolve("cashl-hub.yaml");
    }

    /** A MARCXML record without a title, which the packaged crosswalk refuses: it lands in quarantine. */
    private static Path untitledRecord(Path work) throws Exception {
        Path file = work.resolve("untitled.xml");
        Files.writeString(file, """
                <collection xmlns="http://www.loc.gov/MARC21/slim">
                  <record>
                    <leader>00000nam a2200000 a 4500</leader>
                    <controlfield tag="001">untitled-1</controlfield>
                    <controlfield tag="008">200101s2020    ch            000 0 eng d</controlfield>
                    <datafield tag="100" ind1="1" ind2=" "><subfield code="a">Nobody, Anne.</subfield></datafield>
                    <datafield tag="650" ind1=" " ind2="0"><subfield code="a">History.</subfield></datafield>
                  </record>
                </collection>
                """);
        return file;
    }

    /** Creates an account with the command an operator uses for the first one, password on standard input. */
    private static void addUser(Path config, Path data, String name, String role) {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
            assertEquals(
                    0,
                    Main.run(
                            "user",
                            "add",
                            name,
                            "--role",
                            role,
                            "--config",
                            config.toString(),
                            "--data",
                            data.toString()));
        } finally {
            System.setIn(stdin);
        }
    }

    /** A packaged stylesheet's text, as the editor starts from it. */
    static String packaged(String crosswalk) throws Exception {
        try (InputStream in = AdminHub.class.getResourceAsStream("/xslt/" + crosswalk + ".xsl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The 1-based line where a piece of text starts. */
    static int lineOf(String text, String needle) {
        return (int) text.substring(0, text.indexOf(needle))
                        .chars()
                        .filter(c -> c == '\n')
                        .count()
                + 1;
    }

    AdminClient login(String user) throws Exception {
        return new AdminClient(base).login(user, PASSWORD);
    }

    @Override
    public void close() {
        hub.close();
    }
}
