package cn.edu.cashl.hub.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.cashl.hub.resolver.LenderTier;
import cn.edu.cashl.hub.resolver.LibraryDirectory;
import cn.edu.cashl.hub.resolver.Member;
import cn.edu.cashl.hub.source.Lending;
import cn.edu.cashl.hub.source.LibraryTier;
import cn.edu.cashl.hub.source.Licence;
import cn.edu.cashl.hub.source.Source;
import cn.edu.cashl.hub.source.Sources;
import cn.edu.cashl.hub.testkit.ProjectRoot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The resolver's library directory as the server reads it from the sources. */
class ResolverPublishingTest {

    @Test
    void membersFromLibrarySourcesProxiesFromKbartSources() throws Exception {
        Sources sources = Sources.of(List.of(
                Source.file("pku", null)
                        .withNames("Peking University Library", "北京大学图书馆")
                        .withLending(new Lending(LibraryTier.CENTRE, "https://ill.pku.example/openurl")),
                Source.file("ecnu", null).withLending(new Lending(LibraryTier.SERVICE, null)),
                Source.file("local", null),
                Source.kbart(
                        "jstor-as1",
                        "https://example.org/jstor.txt",
                        new Licence(
                                "JSTOR",
                                List.of("pku"),
                                false,
                                true,
                                Map.of("pku", "https://proxy.pku.example/?url=")))));
        LibraryDirectory directory = ResolverPublishing.directory(sources.all());
        Member pku = directory.member("pku").orElseThrow();
        assertEquals(
                new Member(
                        "pku",
                        "Peking University Library",
                        "北京大学图书馆",
                        LenderTier.CENTRE,
                        "https://ill.pku.example/openurl"),
                pku);
        assertEquals(LenderTier.SERVICE, directory.member("ecnu").orElseThrow().tier());
        assertFalse(directory.member("local").orElseThrow().lends());
        assertTrue(directory.member("jstor-as1").isEmpty(), "a package is no library");
        assertEquals("https://proxy.pku.example/?url=", directory.proxy("jstor-as1", "pku"));
        assertNull(directory.proxy("jstor-as1", "ecnu"));
    }

    @Test
    void theConsortiumIsTheSameCodeOnBothSides() {
        assertEquals(Licence.CONSORTIUM, LibraryDirectory.CONSORTIUM);
    }

    @Test
    void theShippedSourcesGiveEveryMemberItsTier() throws Exception {
        LibraryDirectory directory = ResolverPublishing.directory(
                Sources.load(ProjectRoot.find().resolve("config/sources.yaml")).all());
        assertEquals(LenderTier.CENTRE, directory.member("pku").orElseThrow().tier());
        assertEquals(LenderTier.SERVICE, directory.member("gzu").orElseThrow().tier());
        assertNull(directory.member("calis").orElseThrow().tier(), "the CALIS feed does not lend");
    }

    @Test
    void theDirectoryIsRebuiltOnlyWhenTheSourcesChange() throws Exception {
        Sources sources = Sources.of(List.of(Source.file("pku", null)));
        ResolverPublishing.Directory directory = new ResolverPublishing.Directory(sources);
        LibraryDirectory first = directory.get();
        assertSame(first, directory.get());
        sources.put(Source.file("fudan", null).withLending(new Lending(LibraryTier.CENTRE, null)));
        LibraryDirectory second = directory.get();
        assertTrue(second.member("fudan").isPresent(), "an admin's new source is a library at once");
        assertSame(second, directory.get());
    }
}
