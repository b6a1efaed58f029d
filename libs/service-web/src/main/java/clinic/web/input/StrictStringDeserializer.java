package clinic.web.input;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Reads a text field of a request: a JSON string and nothing else (a number or boolean is not
 * turned into text), holding no character {@link TextRules} refuses. Jackson has no setting for
 * refusing characters, hence this deserializer; it replaces Jackson's own for {@code String} only
 * in the request mapper (see {@link StrictJson}).
 */
public class StrictStringDeserializer extends StdScalarDeserializer<String> implements ContextualDeserializer {

    private static final long serialVersionUID = 1L;

    private final boolean freeText;

    public StrictStringDeserializer() {
        this(false);
    }

    private StrictStringDeserializer(boolean freeText) {
        super(String.class);
        this.freeText = freeText;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        boolean multiLine = property != null && property.getAnnotation(FreeText.class) != null;
        return multiLine == freeText ? this : new StrictStringDeserializer(multiLine);
    }

    @Override
    public LogicalType logicalType() {
        return LogicalType.Textual;
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            return (String) ctxt.handleUnexpectedToken(String.class, p);
        }
        String text = p.getText();
        int bad = TextRules.firstForbidden(text, freeText);
        if (bad >= 0) {
            throw new UnsafeTextException(p, TextRules.whyRefused(text, bad));
        }
        return text;
    }
}
