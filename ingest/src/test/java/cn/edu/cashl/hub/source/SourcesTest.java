package cn.edu.cashl.hub.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.testkit.ProjectRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesTest {

    @TempDir
    Path dir;

    private String error(String yaml) throws Exception {
        Path file = dir.resolve("sources.yaml");
        Files.writeString(file, yaml);
        return assertThrows(SourcesException.class, () -> Sources.load(file)).getMessage();
    }

    @Test
    void shippedFileHasTheMembersCalisLocalAndTheDemoFeed() throws Exception {
        Sources sources = Sources.load(ProjectRoot.find().resolve("config/sources.yaml"));
        assertEquals(37, sources.all().size(), "34 members, CALIS, local and the demo feed");
        assertEquals(
                List.of("demo", "local"),
                sources.all().stream().filter(Source::isEnabled).map(Source::id).toList(),
                "only the demo feed is harvested out of the box");
        Source calis = sources.require("calis");
        assertEquals(SourceType.CALIS_EXPORT, calis.type());
        assertEquals("949", calis.holdingsField());
        assertEquals("北京大学图书馆", sources.require("pku").nameZh());
        assertFalse(sources.require("pku").isEnabled(), "placeholder URLs stay disabled");
        assertTrue(sources.require("local").isEnabled());
    }

    @Test
    void unknownKeyIsNamed() throws Exception {
        String message =
                error("sources:\n  - id: pku\n    type: oai-pmh\n    url: http://x\n    metadataPrefx: marc21\n");
        assertTrue(message.contains("unknown key 'metadataPrefx'") && message.contains("source 1"), message);
    }

    @Test
    void badSourcesAreRefusedWithTheReason() throws Exception {
        assertTrue(error("sources:\n  - id: PKU Library\n    type: file\n").contains("lower-case code"));
        assertTrue(error("sources:\n  - id: a\n    type: ftp\n").contains("type must be one of"));
        assertTrue(error("sources:\n  - id: a\n    type: oai-pmh\n").contains("needs a url"));
        assertTrue(error("sources:\n  - id: a\n    type: file\n  - id: a\n    type: file\n")
                .contains("appears twice"));
        assertTrue(error("sources:\n  - id: a\n    type: file\n    holdingsField: abc\n")
                .contains("MARC tag"));
    }

    @Test
    void unknownSourceListsTheKnownOnes() throws Exception {
        Sources sources = Sources.of(List.of(Source.file("pku", null)));
        String message = assertThrows(SourcesException.class, () -> sources.require("fudan"))
                .getMessage();
        assertTrue(message.contains("unknown source 'fudan'") && message.contains("pku"), message);
    }
}
