package clinic.web.input;

import java.io.IOException;
import java.time.temporal.Temporal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * Refuses a JSON number for any java.time value. Jackson's java.time module reads a number as
 * epoch days or seconds, and honours neither leniency nor coercion settings for date-times
 * (LocalDate does), so {@code "start": 1700000000} would be a date in 2023: the number is refused
 * here, and everything else goes to the module's own deserializer.
 */
public class NumbersAreNotDates extends BeanDeserializerModifier {

    private static final long serialVersionUID = 1L;

    @Override
    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
            JsonDeserializer<?> deserializer) {
        return Temporal.class.isAssignableFrom(description.getBeanClass()) ? new Refusing(deserializer) : deserializer;
    }

    /** The module's deserializer, behind a check that the token is not a number. */
    static final class Refusing extends DelegatingDeserializer {

        private static final long serialVersionUID = 1L;

        Refusing(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Refusing(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != null && p.currentToken().isNumeric()) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            return super.deserialize(p, ctxt);
        }
    }
}
