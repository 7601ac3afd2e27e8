package cn.edu.cashl.hub.oai;

import io.gdcc.xoai.dataprovider.request.RequestBuilder;
import io.gdcc.xoai.exceptions.BadArgumentException;
import io.gdcc.xoai.exceptions.BadVerbException;
import io.gdcc.xoai.exceptions.OAIException;
import io.gdcc.xoai.model.oaipmh.Error;
import io.gdcc.xoai.model.oaipmh.verbs.Verb.Argument;
import io.gdcc.xoai.model.oaipmh.verbs.Verb.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A request that passed the protocol's checks: a known verb, only its own arguments, each once and
 * not empty, the required ones present, an exclusive one alone, and dates that are dates of one
 * granularity in order. XOAI checks verb and arguments; the dates are checked here, because XOAI
 * also refuses a future {@code until} (the protocol allows it) and answers mixed granularity only
 * after parsing.
 *
 * @param from  the lower bound, inclusive; null when not given
 * @param until the upper bound, inclusive to the end of its second or day; null when not given
 */
record OaiRequest(Type verb, Map<Argument, String> arguments, Instant from, Instant until) {

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SECOND = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

    String argument(Argument argument) {
        return arguments.get(argument);
    }

    /**
     * @param parameters every parameter of the request (query string or form body) with all its values
     * @throws OaiException badVerb or badArgument, with every problem found in the message
     */
    static OaiRequest parse(Map<String, List<String>> parameters) throws OaiException {
        Map<String, String[]> raw = new LinkedHashMap<>();
        parameters.forEach((name, values) -> raw.put(name, values.toArray(String[]::new)));
        RequestBuilder.RawRequest request;
        try {
            request = RequestBuilder.buildRawRequest(raw);
        } catch (BadVerbException e) {
            throw new OaiException(Error.Code.BAD_VERB, verbProblem(parameters.get("verb")));
        } catch (OAIException e) {
            throw new OaiException(Error.Code.BAD_VERB, "The request is not an OAI-PMH request: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        request.getErrors().forEach(e -> problems.add(e.getMessage()));
        RequestBuilder.validateArgumentPresence(
                        request.getVerb(), request.getArguments().keySet())
                .forEach(e -> problems.add(presenceProblem(e, request.getVerb())));
        request.getArguments().forEach((argument, value) -> {
            if (value.isEmpty()) {
                problems.add("The argument '" + argument + "' has no value.");
            }
        });
        String rawFrom = request.getArguments().get(Argument.From);
        String rawUntil = request.getArguments().get(Argument.Until);
        Instant from = date(rawFrom, "from", false, problems);
        Instant until = date(rawUntil, "until", true, problems);
        if (from != null && until != null) {
            if (rawFrom.length() != rawUntil.length()) {
                problems.add(
                        "'from' and 'until' must have the same granularity, not " + rawFrom + " and " + rawUntil + ".");
            } else if (from.isAfter(until)) {
                problems.add("'from' (" + rawFrom + ") is later than 'until' (" + rawUntil + ").");
            }
        }
        if (!problems.isEmpty()) {
            throw new OaiException(Error.Code.BAD_ARGUMENT, String.join(" ", problems));
        }
        return new OaiRequest(request.getVerb(), Map.copyOf(request.getArguments()), from, until);
    }

    private static String verbProblem(List<String> verbs) {
        if (verbs == null || verbs.isEmpty()) {
            return "The request has no verb; OAI-PMH requests need one of Identify, ListMetadataFormats, ListSets, "
                    + "ListIdentifiers, ListRecords, GetRecord.";
        }
        if (verbs.size() > 1) {
            return "The verb is given " + verbs.size() + " times; give it once.";
        }
        return "'" + verbs.get(0)
                + "' is not an OAI-PMH verb (verbs are case-sensitive: Identify, ListMetadataFormats, "
                + "ListSets, ListIdentifiers, ListRecords, GetRecord).";
    }

    private static String presenceProblem(BadArgumentException e, Type verb) {
        String message = e.getMessage();
        return message != null && message.startsWith("Missing required argument")
                ? message + " (" + verb.displayName() + " needs " + verb.reqArgs() + ")."
                : message;
    }

    /**
     * A date argument in either granularity the protocol allows. A day means its first second as
     * {@code from} and its last second as {@code until}.
     */
    private static Instant date(String value, String name, boolean endOfDay, List<String> problems) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            if (DAY.matcher(value).matches()) {
                LocalDate day = LocalDate.parse(value);
                return endOfDay
                        ? day.plusDays(1)
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant()
                                .minusSeconds(1)
                        : day.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (SECOND.matcher(value).matches()) {
                return Instant.parse(value);
            }
        } catch (DateTimeParseException e) {
            // a well-shaped but impossible date (2024-02-30): the same answer as any other non-date
        }
        problems.add("'" + name + "' must be a UTC date YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ, not '" + value + "'.");
        return null;
    }
}
