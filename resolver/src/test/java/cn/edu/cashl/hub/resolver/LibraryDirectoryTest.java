package cn.edu.cashl.hub.resolver;

import static cn.edu.cashl.hub.resolver.Fixtures.DIRECTORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The home library a request names, and the proxies of the packages. */
class LibraryDirectoryTest {

    @Test
    void theHomeLibraryByItsCodeOrAnIdentifierEndingInIt() {
        assertEquals("pku", DIRECTORY.home("pku").orElseThrow().code());
        assertEquals("pku", DIRECTORY.home(" PKU ").orElseThrow().code());
        assertEquals("fudan", DIRECTORY.home("info:cashl/fudan").orElseThrow().code());
        assertEquals("fudan", DIRECTORY.home("cashl:fudan").orElseThrow().code());
        assertTrue(DIRECTORY.home("mailto:jane.doe@caltech.edu").isEmpty());
        assertTrue(DIRECTORY.home("").isEmpty());
        assertTrue(DIRECTORY.home(null).isEmpty());
    }

    @Test
    void proxiesByPackageAndLibrary() {
        assertEquals(Fixtures.PKU_PROXY, DIRECTORY.proxy("jstor-as1", "pku"));
        assertNull(DIRECTORY.proxy("jstor-as1", "whu"));
        assertNull(DIRECTORY.proxy("unknown", "pku"));
        assertNull(DIRECTORY.proxy(null, "pku"));
    }

    @Test
    void aMemberWithoutANameIsCalledByItsCode() {
        assertEquals("x", new Member("x", null, null, null, null).name());
        assertTrue(Fixtures.PKU.lends());
        assertTrue(!Fixtures.LOCAL.lends());
    }
}
