package cn.edu.cashl.hub.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.edu.cashl.hub.schema.v1.Holding;
import cn.edu.cashl.hub.schema.v1.HoldingAccess;
import cn.edu.cashl.hub.schema.v1.HoldingForm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessTest {

    /**
     * Holdings written as {@code form/access} words ({@code print}, {@code electronic},
     * {@code electronic/licensed}, {@code electronic/openAccess}), to the access values they give.
     */
    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "``                                          | ``",
                "print                                       | print",
                "print print                                 | print",
                "electronic                                  | online",
                "electronic/licensed                         | online",
                "electronic/openAccess                       | online openAccess",
                "electronic/licensed electronic/openAccess   | online openAccess",
                "print electronic                            | online print",
                "print electronic/openAccess                 | online openAccess print",
                // The schema has access for electronic holdings; on a print one it opens nothing.
                "print/openAccess                            | print",
            })
    void theAccessOfHoldings(String holdings, String expected) {
        List<Holding> list = new ArrayList<>();
        for (String word : holdings.isBlank() ? new String[0] : holdings.trim().split("\\s+")) {
            String[] parts = word.split("/");
            Holding holding = new Holding();
            holding.setLibrary("pku");
            holding.setLocalId("1");
            holding.setForm(HoldingForm.fromValue(parts[0]));
            if (parts.length > 1) {
                holding.setAccess(HoldingAccess.fromValue(parts[1]));
            }
            list.add(holding);
        }
        Set<Access> access = Access.of(list);
        assertEquals(expected, access.stream().map(Access::value).collect(Collectors.joining(" ")));
    }

    @Test
    void valuesAndSets() {
        assertEquals(
                List.of("online", "openAccess", "print"),
                Arrays.stream(Access.values()).map(Access::value).toList());
        assertEquals(Optional.of("access:online"), Access.ONLINE.setSpec());
        assertEquals(Optional.of("access:openAccess"), Access.OPEN_ACCESS.setSpec());
        assertEquals(Optional.empty(), Access.PRINT.setSpec());
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "online           | ONLINE",
                "ONLINE           | ONLINE",
                "openAccess       | OPEN_ACCESS",
                "openaccess       | OPEN_ACCESS",
                "`Open Access`    | OPEN_ACCESS",
                "open-access      | OPEN_ACCESS",
                "` print `        | PRINT",
                "electronic       |",
                "open             |",
                "``               |",
            })
    void aTermNamesAnAccessValueWhateverItsCase(String term, Access expected) {
        assertEquals(Optional.ofNullable(expected), Access.find(term));
    }
}
