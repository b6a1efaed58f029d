package clinic.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A JSON string holds a character that a text field may not hold; Jackson adds the field's path. */
public class UnsafeTextException extends MismatchedInputException {

    private static final long serialVersionUID = 1L;

    public UnsafeTextException(JsonParser parser, String reason) {
        super(parser, reason, String.class);
    }
}
