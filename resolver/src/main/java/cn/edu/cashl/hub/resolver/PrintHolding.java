package cn.edu.cashl.hub.resolver;

import java.util.List;

/**
 * One library's print copies of a title, gathered from the master records found.
 *
 * @param library     the holding library
 * @param callNumbers the copies' call numbers, in catalogue order, each once
 * @param statements  holdings statements of a serial ({@code v.1(1990)-v.25(2014)}), each once
 * @param url         the copy's record in the library's catalogue, or null
 */
public record PrintHolding(String library, List<String> callNumbers, List<String> statements, String url) {

    public PrintHolding {
        callNumbers = List.copyOf(callNumbers);
        statements = List.copyOf(statements);
    }

    /** Call numbers and holdings statements, as the answer's {@code coverage} of a print option. */
    public String shelf() {
        String numbers = String.join("; ", callNumbers);
        String held = String.join("; ", statements);
        if (held.isEmpty()) {
            return numbers.isEmpty() ? null : numbers;
        }
        return numbers.isEmpty() ? held : numbers + " (" + held + ")";
    }
}
