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
        assertEquals(41, sources.all().size(), "34 members, CALIS, local, the demo feed, three packages and Crossref");
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
        assertEquals(LibraryTier.CENTRE, sources.require("pku").lending().tier());
        assertEquals(LibraryTier.SERVICE, sources.require("gzu").lending().tier());
        assertEquals(
                17,
                sources.all().stream()
                        .filter(s -> s.lending().tier() == LibraryTier.CENTRE)
                        .count());
        Source jstor = sources.require("jstor-as1");
        assertEquals(SourceType.KBART, jstor.type());
        assertEquals("JSTOR Arts & Sciences I", jstor.licence().packageName());
        assertEquals(Boolean.TRUE, jstor.licence().illElectronic());
        assertEquals(
                "https://proxy.lib.pku.edu.cn/login?url=",
                jstor.licence().proxy().get("pku"));
        assertEquals(
                List.of(Licence.CONSORTIUM),
                sources.require("cashl-ebooks").licence().holdingLibraries());
        assertTrue(sources.require("doaj").licence().openAccess());
        Source crossref = sources.require("crossref");
        assertEquals(SourceType.CROSSREF, crossref.type());
        assertEquals("https://api.crossref.org/works", crossref.url());
        assertEquals("hss-core", crossref.journals());
        assertEquals("metadata@cashl.edu.cn", crossref.mailto());
        assertFalse(crossref.isEnabled());
    }

    @Test
    void crossrefSourcesNameTheirJournalListAndAnAddress() throws Exception {
        String crossref = "sources:\n  - id: crossref\n    type: crossref\n";
        assertTrue(error(crossref).contains("needs a url"), error(crossref));
        String withUrl = crossref + "    url: https://api.crossref.org/works\n";
        assertTrue(error(withUrl).contains("a crossref source needs journals"), error(withUrl));
        assertTrue(
                error(withUrl + "    journals: hss-core\n    mailto: nobody\n").contains("mailto must be an e-mail"));
        assertTrue(error(withUrl + "    journals: HSS Core\n").contains("not a journal list id"));
        assertTrue(error(crossref + "    url: api.crossref.org\n    journals: hss-core\n")
                .contains("https://api.crossref.org/works"));
        Path file = dir.resolve("crossref.yaml");
        Files.writeString(file, withUrl + "    journals: hss-core\n    mailto: metadata@cashl.edu.cn\n");
        Source loaded = Sources.load(file).require("crossref");
        assertEquals(SourceType.CROSSREF, loaded.type());
        assertEquals("hss-core", loaded.journals());
        assertEquals("metadata@cashl.edu.cn", loaded.mailto());
        assertEquals(loaded, SourceStore.fromJson(SourceStore.toJson(loaded)));
    }

    @Test
    void kbartSourcesNameTheirPackageAndLicensees() throws Exception {
        String list = "sources:\n  - id: p\n    type: kbart\n    url: http://x/list.txt\n";
        assertTrue(error(list).contains("needs a package name"), error(list));
        assertTrue(error(list + "    package: P\n").contains("needs libraries"));
        assertTrue(error(list + "    package: P\n    libraries: [all, pku]\n").contains("either all or a list"));
        assertTrue(error(list + "    package: P\n    libraries: [pku]\n    proxy: {fudan: 'https://p/?u='}\n")
                .contains("not among the libraries"));
        assertTrue(error("sources:\n  - id: pku\n    type: oai-pmh\n    url: http://x\n    package: P\n")
                .contains("belong to kbart sources"));
        assertTrue(error("sources:\n  - id: cashl\n    type: file\n").contains("consortium"));
        assertTrue(
                error("sources:\n  - id: pku\n    type: file\n    tier: big\n").contains("centre or service"));
    }

    @Test
    void savedDefinitionsKeepTheLicenceAndLending() throws Exception {
        Source kbart = Source.kbart(
                        "jstor",
                        "http://x/list",
                        new Licence("JSTOR", List.of("pku"), false, true, java.util.Map.of("pku", "https://p/?u=")))
                .withLending(new Lending(LibraryTier.CENTRE, "https://ill.example/openurl"));
        assertEquals(kbart, SourceStore.fromJson(SourceStore.toJson(kbart)));
        Source member = Source.oaiPmh("pku", "http://x", "marc21").withLending(new Lending(LibraryTier.SERVICE, null));
        assertEquals(member, SourceStore.fromJson(SourceStore.toJson(member)));
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
