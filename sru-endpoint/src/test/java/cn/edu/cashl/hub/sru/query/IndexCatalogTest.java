package cn.edu.cashl.hub.sru.query;

import static cn.edu.cashl.hub.sru.query.QueryFixture.assertDiagnostic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import cn.edu.cashl.hub.sru.diagnostic.SruException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndexCatalogTest {

    private static final Map<String, String> NO_ASSIGNMENTS = Map.of();

    /** What explain lists and the translation accepts: a change here is a change of the service. */
    @Test
    void theIndexesTheHubAnswers() {
        assertEquals(
                List.of(
                        "cql.serverChoice",
                        "cql.anywhere",
                        "cql.allIndexes",
                        "cql.anyIndexes",
                        "cql.keywords",
                        "cql.allRecords",
                        "cql.resultSetId",
                        "dc.title",
                        "dc.creator",
                        "dc.subject",
                        "dc.publisher",
                        "dc.language",
                        "dc.type",
                        "dc.identifier",
                        "cashl.title",
                        "cashl.creator",
                        "cashl.subject",
                        "cashl.publisher",
                        "cashl.language",
                        "cashl.type",
                        "cashl.identifier",
                        "dc.contributor",
                        "dc.date",
                        "dc.description",
                        "cashl.year",
                        "cashl.series",
                        "cashl.library",
                        "cashl.form",
                        "cashl.access",
                        "cashl.classification",
                        "cashl.isbn",
                        "cashl.issn",
                        "cashl.doi",
                        "cashl.journal",
                        "cashl.volume",
                        "cashl.issue",
                        "cashl.journalRecord",
                        "bath.isbn",
                        "bath.issn",
                        "bath.possessingInstitution",
                        "bath.name",
                        "bath.topicalSubject",
                        "bath.any",
                        "rec.identifier",
                        "rec.lastModificationDate"),
                IndexCatalog.all().stream().map(SruIndex::qualifiedName).toList());
    }

    @Test
    void contextSets() {
        assertEquals(
                List.of("cql", "dc", "bath", "rec", "cashl"),
                IndexCatalog.SETS.stream().map(ContextSet::prefix).toList());
        assertSame(ContextSet.CASHL, IndexCatalog.DEFAULT_SET);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // name as written          | resolves to              | kind          | text field     | key field
                // | sort field
                "dc.title                   | dc.title                 | TEXT          | title_text     | title_key     | title_sort",
                "title                      | cashl.title              | TEXT          | title_text     | title_key     | title_sort",
                "DC.Title                   | dc.title                 | TEXT          | title_text     | title_key     | title_sort",
                "bath.name                  | bath.name                | TEXT          | creator_text   | creator_key   | creator_sort",
                "dc.subject                 | dc.subject               | TEXT          | subject_text   | subject_key   |",
                "bath.topicalsubject        | bath.topicalSubject      | TEXT          | subject_text   | subject_key   |",
                "dc.publisher               | dc.publisher             | TEXT          | publisher_text | publisher_key |",
                "cql.serverChoice           | cql.serverChoice         | SERVER_CHOICE | any_text       |               |",
                "srw.serverChoice           | cql.serverChoice         | SERVER_CHOICE | any_text       |               |",
                "cql.ANYWHERE               | cql.anywhere             | WORDS         | any_text       |               |",
                "cashl.series               | cashl.series             | WORDS         | series_text    |               |",
                "dc.language                | dc.language              | CODE          |                | language      |",
                "bath.possessingInstitution | bath.possessingInstitution | CODE        |                | library       |",
                "cashl.classification       | cashl.classification     | CODE          |                | classification |",
                "access                     | cashl.access             | CODE          |                | access_ss     |",
                "isbn                       | cashl.isbn               | ISBN          |                | isbn          |",
                "bath.issn                  | bath.issn                | ISSN          |                | issn          |",
                "cashl.issn                 | cashl.issn               | ISSN          |                | issn          |",
                "doi                        | cashl.doi                | CODE          |                | doi_s         |",
                "dc.identifier              | dc.identifier            | CODE          |                | identifier    |",
                "cashl.journal              | cashl.journal            | TEXT          | journal_t      | journal_key_s | journal_key_s",
                "volume                     | cashl.volume             | CODE          |                | volume_s      |",
                "cashl.issue                | cashl.issue              | CODE          |                | issue_s       |",
                "cashl.journalrecord        | cashl.journalRecord      | CODE          |                | host_record_s |",
                "dc.date                    | dc.date                  | NUMBER        |                | year          | year",
                "year                       | cashl.year               | NUMBER        |                | year          | year",
                "rec.identifier             | rec.identifier           | CODE          |                | id            | id",
                "rec.lastModificationDate   | rec.lastModificationDate | DATE          |                | datestamp     | datestamp",
                "cql.allRecords             | cql.allRecords           | ALL_RECORDS   |                |               |",
                "cql.resultSetId            | cql.resultSetId          | RESULT_SET    |                |               |",
            })
    void namesResolveToTheirFields(
            String name, String qualifiedName, IndexKind kind, String textField, String keyField, String sortField)
            throws SruException {
        SruIndex index = IndexCatalog.resolve(name, NO_ASSIGNMENTS);
        assertEquals(qualifiedName, index.qualifiedName());
        assertEquals(kind, index.kind());
        assertEquals(textField, index.textField());
        assertEquals(keyField, index.keyField());
        assertEquals(sortField, index.sortField());
        assertEquals(keyField != null, index.scannable());
    }

    @Test
    void bathIssnAlsoSearchesTheIssnsOfAnArticlesJournal() throws SruException {
        assertEquals(
                List.of("issn", "host_issn_ss"),
                IndexCatalog.resolve("bath.issn", NO_ASSIGNMENTS).keyFields());
        assertEquals(
                List.of("issn"),
                IndexCatalog.resolve("cashl.issn", NO_ASSIGNMENTS).keyFields());
        assertEquals(
                List.of(), IndexCatalog.resolve("cql.anywhere", NO_ASSIGNMENTS).keyFields());
    }

    @Test
    void assignedPrefixesNameSetsByIdentifier() throws SruException {
        Map<String, String> assigned = Map.of(
                "x",
                "info:srw/cql-context-set/1/dc-v1.1",
                "dc",
                "INFO:CASHL/CQL-CONTEXT-SET/CASHL-1.0",
                "",
                "http://zing.z3950.org/cql/bath/2.0/");
        assertEquals("dc.title", IndexCatalog.resolve("X.title", assigned).qualifiedName());
        assertEquals("cashl.year", IndexCatalog.resolve("dc.year", assigned).qualifiedName(), "dc reassigned");
        assertEquals("bath.isbn", IndexCatalog.resolve("isbn", assigned).qualifiedName(), "default set reassigned");
        assertEquals(
                "rec.identifier",
                IndexCatalog.resolve("rec.identifier", assigned).qualifiedName(),
                "predefined prefixes that were not reassigned");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "foo.title        | foo",
                "Foo.Title        | foo",
                "a.b.title        | a.b",
            })
    void anUnknownPrefixIsAnUnsupportedContextSet(String name, String details) {
        assertDiagnostic(15, details, () -> IndexCatalog.resolve(name, NO_ASSIGNMENTS));
    }

    @Test
    void aPrefixBoundToAnUnknownIdentifierIsAnUnsupportedContextSet() {
        assertDiagnostic(15, "x", () -> IndexCatalog.resolve("x.title", Map.of("x", "urn:nothing")));
        assertDiagnostic(15, "", () -> IndexCatalog.resolve("title", Map.of("", "urn:nothing")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "dc.nosuch",
                "nosuch",
                "dc.year",
                "bath.title",
                "rec.title",
                "cql.title",
                "srw.title",
            })
    void anIndexTheSetDoesNotHaveIsAnUnsupportedIndex(String name) {
        assertDiagnostic(16, name, () -> IndexCatalog.resolve(name, NO_ASSIGNMENTS));
    }

    @ParameterizedTest(name = "{0} \"{1}\" -> \"{2}\"")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "dc.title         | `  Müller,   HANS `  | `muller, hans`",
                "dc.language      | CHI                  | chi",
                "bath.isbn        | 0-306-40615-2        | 9780306406157",
                "bath.isbn        | 978-0-306-40615-7    | 9780306406157",
                "bath.isbn        | 12-34x               | 1234X",
                "bath.issn        | 03785955             | 0378-5955",
                "rec.identifier   | ` Cashl:ABC `        | Cashl:ABC",
                "cashl.library    | ` PKU `              | PKU",
                "cashl.access     | ` ONLINE `           | online",
                "cashl.access     | openaccess           | openAccess",
                "cashl.access     | ` Licensed `         | Licensed",
                "cashl.doi        | https://doi.org/10.1177/ABC | 10.1177/abc",
                "cashl.doi        | ` DOI:10.1177/ABC `  | 10.1177/abc",
                "dc.identifier    | info:doi/10.1177/ABC | 10.1177/abc",
                "dc.identifier    | ` OCM 123 `          | ocm 123",
                "bath.issn        | 1552 6836            | 1552-6836",
                "cashl.volume     | ` 27 `               | 27",
                "cashl.issue      | Suppl.  2            | suppl. 2",
                "cashl.journal    | ` Modern  CHINA `    | modern china",
                "cashl.journalRecord | ` M-Journal:1 `   | M-Journal:1",
            })
    void wholeValuesAreNormalisedAsTheKeyFieldHoldsThem(String index, String value, String key) throws SruException {
        assertEquals(key, IndexCatalog.resolve(index, NO_ASSIGNMENTS).normalise(value));
    }
}
