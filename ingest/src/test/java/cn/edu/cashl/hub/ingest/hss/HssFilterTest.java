package cn.edu.cashl.hub.ingest.hss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.schema.v1.Classification;
import cn.edu.cashl.hub.schema.v1.Subject;
import cn.edu.cashl.hub.testkit.ProjectRoot;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped rules (config/hss-rules.yaml) decide as documented. */
class HssFilterTest {

    private final HssFilter filter =
            new HssFilter(HssRules.load(ProjectRoot.find().resolve("config/hss-rules.yaml")));

    HssFilterTest() throws IOException {}

    private static CashlRecord classified(String scheme, String number) {
        CashlRecord record = new CashlRecord();
        Classification c = new Classification();
        c.setScheme(scheme);
        c.setValue(number);
        record.getClassification().add(c);
        return record;
    }

    @ParameterizedTest(name = "{0} {1} -> {2} by {3}")
    @CsvSource({
        "lcc, PR4034 .P7 2003, hss, lcc:P",
        "lcc, QA76.73.J38, stem, lcc:Q",
        "lcc, G70.2, hss, lcc:G",
        "lcc, GB5014, stem, lcc:GB",
        "lcc, HB171, hss, lcc:H",
        "ddc, 823.7, hss, ddc:700-999",
        "ddc, 530.1, stem, ddc:500-599",
        "ddc, 658.4, hss, ddc:650-659",
        "ddc, 621.3, stem, ddc:600-649",
        "clc, I561.44, hss, clc:I",
        "clc, TP311, stem, clc:T",
        "clc, F0, hss, clc:F",
        "udc, 94(510), hss, udc:9",
        "udc, 53.01, stem, udc:5"
    })
    void classificationDecides(String scheme, String number, String discipline, String rule) {
        assertEquals(new HssFilter.Decision(discipline, rule), filter.decide(classified(scheme, number)));
    }

    @Test
    void firstClassificationThatMatchesWins() {
        CashlRecord record = classified("local", "XYZ-1");
        Classification ddc = new Classification();
        ddc.setScheme("ddc");
        ddc.setValue("540");
        record.getClassification().add(ddc);
        Classification lcc = new Classification();
        lcc.setScheme("lcc");
        lcc.setValue("PR4034");
        record.getClassification().add(lcc);
        assertEquals(new HssFilter.Decision("stem", "ddc:500-599"), filter.decide(record));
    }

    @Test
    void subjectsDecideWithoutClassificationAccentsAndCaseIgnored() {
        CashlRecord record = new CashlRecord();
        Subject subject = new Subject();
        subject.setValue("Quantum PHYSICS -- Textbooks");
        record.getSubject().add(subject);
        assertEquals(new HssFilter.Decision("stem", "subject:physics"), filter.decide(record));

        CashlRecord french = new CashlRecord();
        Subject histoire = new Subject();
        histoire.setValue("Économie politique");
        french.getSubject().add(histoire);
        assertEquals("hss", filter.decide(french).discipline());
    }

    @Test
    void chineseSubjectTerms() {
        CashlRecord record = new CashlRecord();
        Subject subject = new Subject();
        subject.setValue("计算机网络");
        record.getSubject().add(subject);
        assertEquals(new HssFilter.Decision("stem", "subject:计算机"), filter.decide(record));
    }

    @Test
    void noEvidenceFollowsTheDefault() {
        assertEquals(new HssFilter.Decision("hss", "default"), filter.decide(new CashlRecord()));
        assertEquals(new HssFilter.Decision("hss", "default"), filter.decide(classified("lcc", "123 not a class")));
    }
}
