package clinic.web.input;

import java.io.IOException;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Puts a check in front of Jackson's deserializers for dates, times, uuids and enums, for two
 * leniencies that no Jackson setting turns off: they trim their text first (so a date with a NUL
 * in front would be read: NUL counts as white space to {@link String#trim()}), and the java.time module reads a number as epoch days or seconds whatever the leniency and
 * coercion settings say for date-times ({@code "start": 1700000000} would be a day in 2023). A
 * string with a control character and a number for a date or time are refused here; everything
 * else goes to Jackson's own deserializer.
 */
public class StrictScalars extends BeanDeserializerModifier {

    private static final long serialVersionUID = 1L;
    private static final Set<LogicalType> CHECKED = Set.of(LogicalType.DateTime, LogicalType.OtherScalar, LogicalType.Enum);

    @Override
    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
            JsonDeserializer<?> deserializer) {
        return CHECKED.contains(deserializer.logicalType()) ? new Checked(deserializer) : deserializer;
    }

    @Override
    public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
            BeanDescription description, JsonDeserializer<?> deserializer) {
        return new Checked(deserializer);
    }

    /** Jackson's deserializer, behind the two checks. */
    static final class Checked extends DelegatingDeserializer {

        private static final long serialVersionUID = 1L;

        Checked(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Checked(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                String text = p.getText();
                int bad = TextRules.firstForbidden(text, false);
                if (bad >= 0) {
                    throw new UnsafeTextException(p, TextRules.whyRefused(text, bad));
                }
            } else if (p.currentToken() != null && p.currentToken().isNumeric() && _delegatee.logicalType() == LogicalType.DateTime) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            return super.deserialize(p, ctxt);
        }
    }
}
