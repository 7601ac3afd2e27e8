package cn.edu.cashl.hub.schema;

import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * One thread's schema validator, kept for every document it validates. Its error handler is set
 * once and passes each problem on to the current document's: the JDK's validator counts a new error
 * handler as a change of configuration, and resets all of it at the next document, which cost a
 * fifth of validating a record. Not re-entrant: one document at a time.
 */
final class ReusableValidator {

    private final ValidatorHandler validator;
    private ErrorHandler errors;

    ReusableValidator(Schema schema) {
        this.validator = schema.newValidatorHandler();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) throws SAXException {
                errors.warning(e);
            }

            @Override
            public void error(SAXParseException e) throws SAXException {
                errors.error(e);
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                errors.fatalError(e);
            }
        });
    }

    /** The validator itself. */
    ValidatorHandler handler() {
        return validator;
    }

    /** Readies the validator for one document: what it passes on goes to {@code downstream}, its problems to {@code errors}. */
    void start(ContentHandler downstream, ErrorHandler errors) {
        this.errors = errors;
        validator.setContentHandler(downstream);
    }
}
