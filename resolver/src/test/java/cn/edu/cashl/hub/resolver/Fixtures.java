package cn.edu.cashl.hub.resolver;

import cn.edu.cashl.hub.schema.CashlRecords;
import cn.edu.cashl.hub.schema.InvalidRecordException;
import java.util.List;
import java.util.Map;

/**
 * Hand-made libraries and records for the resolver's tests: four centre and two service libraries,
 * one library that does not lend, proxies for two packages, and records written as the KBART
 * crosswalk and the MARC crosswalks write them (validated against the schema).
 */
final class Fixtures {

    static final String PKU_ILL = "https://ill.pku.example/openurl?sid=cashl";
    static final String NENU_ILL = "https://ill.nenu.example/openurl";
    static final String PKU_PROXY = "https://proxy.pku.example/login?url=";

    static final Member PKU = new Member("pku", "Peking University Library", "北京大学图书馆", LenderTier.CENTRE, PKU_ILL);
    static final Member FUDAN = new Member("fudan", "Fudan University Library", "复旦大学图书馆", LenderTier.CENTRE, null);
    static final Member WHU = new Member(
            "whu",
            "Wuhan University Library",
            "武汉大学图书馆",
            LenderTier.CENTRE,
            "https://ill.whu.example/illiad.dll/OpenURL");
    static final Member ECNU =
            new Member("ecnu", "East China Normal University Library", "华东师范大学图书馆", LenderTier.SERVICE, null);
    static final Member NENU =
            new Member("nenu", "Northeast Normal University Library", "东北师范大学图书馆", LenderTier.SERVICE, NENU_ILL);
    static final Member LOCAL = new Member("local", "Local imports", "本地导入", null, null);

    static final LibraryDirectory DIRECTORY = new LibraryDirectory(
            List.of(PKU, FUDAN, WHU, ECNU, NENU, LOCAL),
            Map.of(
                    "jstor-as1",
                    Map.of("pku", PKU_PROXY, "fudan", "https://ezproxy.fudan.example/login?url="),
                    "proquest-hss",
                    Map.of("pku", PKU_PROXY)));

    private Fixtures() {}

    /** A master record of this type and title with these identifiers and holdings (XML fragments). */
    static Match record(String id, String type, String title, String identifiers, String... holdings) {
        String xml = "<record xmlns=\"https://ns.cashl.edu.cn/record/v1\" id=\"" + id + "\" type=\"" + type
                + "\" schemaVersion=\"1.1\"><identifiers>" + identifiers + "</identifiers><title><main>" + title
                + "</main></title><discipline>hss</discipline>" + String.join("", holdings) + "</record>";
        try {
            return Match.of(id, CashlRecords.get().read(xml));
        } catch (InvalidRecordException e) {
            throw new IllegalArgumentException(e.getMessage() + "\n" + xml, e);
        }
    }

    static String print(String library, String callNumber) {
        return "<holding library=\"" + library + "\" localId=\"" + library + "-1\" form=\"print\"><callNumber>"
                + callNumber + "</callNumber></holding>";
    }

    static String print(String library, String callNumber, String statement) {
        return "<holding library=\"" + library + "\" localId=\"" + library + "-1\" form=\"print\"><callNumber>"
                + callNumber + "</callNumber><coverage>" + statement + "</coverage></holding>";
    }

    /**
     * An electronic holding as the KBART crosswalk writes one row of a list.
     *
     * @param access licensed or openAccess
     * @param ill    illElectronic, or null when the source does not say
     * @param range  the attributes of its range
     */
    static String electronic(
            String library, String source, String pack, String access, Boolean ill, String url, String range) {
        return "<holding library=\"" + library + "\" localId=\"" + source + "-row\" form=\"electronic\" source=\""
                + source + "\" package=\"" + pack.replace("&", "&amp;") + "\" access=\"" + access + "\""
                + (ill == null ? "" : " illElectronic=\"" + ill + "\"") + "><url>" + url.replace("&", "&amp;")
                + "</url><range " + range
                + "/></holding>";
    }

    /** JSTOR as the American Economic Review's list gives it: two rows, a gap from 1941 to 1949, a moving wall. */
    static String[] jstor(String library) {
        String url = "https://www.jstor.org/journal/amerecorevi";
        return new String[] {
            electronic(
                    library,
                    "jstor-as1",
                    "JSTOR Arts & Sciences I",
                    "licensed",
                    true,
                    url,
                    "start=\"1911-03\" startVolume=\"1\" startIssue=\"1\" end=\"1940-12\" endVolume=\"30\" endIssue=\"4\""),
            electronic(
                    library,
                    "jstor-as1",
                    "JSTOR Arts & Sciences I",
                    "licensed",
                    true,
                    url,
                    "start=\"1950\" startVolume=\"40\" embargo=\"R5Y\"")
        };
    }
}
