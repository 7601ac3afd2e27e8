package cn.edu.cashl.hub.testkit;

/**
 * Print journals as a member library's catalogue sends them (MARCXML), for the tests that attach a
 * package's electronic holdings to them or resolve citations against them.
 */
public final class PrintJournals {

    private PrintJournals() {}

    /**
     * The American economic review (print ISSN 0002-8282 only, as older catalogue records have it),
     * held in print by each library given ({@code 852 $a} library, {@code $h} call number).
     */
    public static String americanEconomicReview(String... libraries) {
        StringBuilder holdings = new StringBuilder();
        for (int i = 0; i < libraries.length; i++) {
            holdings.append("<datafield tag=\"852\" ind1=\" \" ind2=\" \"><subfield code=\"a\">")
                    .append(libraries[i])
                    .append("</subfield><subfield code=\"h\">F0 A51")
                    .append(i + 2)
                    .append("</subfield></datafield>\n");
        }
        return """
                <collection xmlns="http://www.loc.gov/MARC21/slim"><record>
                  <leader>00000cas a2200000 a 4500</leader>
                  <controlfield tag="001">aer-print</controlfield>
                  <controlfield tag="008">750101c19119999nyuqr p       0   a0eng d</controlfield>
                  <datafield tag="022" ind1=" " ind2=" "><subfield code="a">0002-8282</subfield></datafield>
                  <datafield tag="245" ind1="0" ind2="4"><subfield code="a">The American economic review.</subfield></datafield>
                  <datafield tag="260" ind1=" " ind2=" "><subfield code="a">Nashville :</subfield>
                    <subfield code="b">American Economic Association</subfield></datafield>
                  <datafield tag="650" ind1=" " ind2="0"><subfield code="a">Economics</subfield>
                    <subfield code="v">Periodicals.</subfield></datafield>
                """ + holdings + "</record></collection>\n";
    }
}
