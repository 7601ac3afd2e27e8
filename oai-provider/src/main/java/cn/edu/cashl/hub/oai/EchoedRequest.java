package cn.edu.cashl.hub.oai;

import cn.edu.cashl.hub.publish.XmlText;
import io.gdcc.xoai.model.oaipmh.Request;
import io.gdcc.xoai.model.oaipmh.verbs.Verb;
import io.gdcc.xoai.model.oaipmh.verbs.Verb.Argument;
import io.gdcc.xoai.xml.XmlWriter;
import io.gdcc.xoai.xmlio.exceptions.XmlWriteException;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;

/**
 * The response's {@code request} element with the arguments exactly as the harvester sent them.
 * XOAI's own writes {@code from} and {@code until} re-formatted at the repository's granularity,
 * so a day-granularity request would come back with different values.
 */
final class EchoedRequest extends Request {

    private static final List<Argument> ORDER = List.of(
            Argument.Identifier,
            Argument.MetadataPrefix,
            Argument.From,
            Argument.Until,
            Argument.Set,
            Argument.ResumptionToken);

    private final Verb.Type verb;
    private final Map<Argument, String> arguments;

    EchoedRequest(String baseUrl, Verb.Type verb, Map<Argument, String> arguments) {
        super(baseUrl);
        this.verb = verb;
        this.arguments = Map.copyOf(arguments);
    }

    @Override
    public void write(XmlWriter writer) throws XmlWriteException {
        try {
            writer.writeAttribute(Argument.Verb.toString(), verb.displayName());
            for (Argument argument : ORDER) {
                String value = arguments.get(argument);
                if (value != null) {
                    writer.writeAttribute(argument.toString(), XmlText.legal(value));
                }
            }
            writer.writeCharacters(getBaseUrl());
        } catch (XMLStreamException e) {
            throw new XmlWriteException(e);
        }
    }
}
