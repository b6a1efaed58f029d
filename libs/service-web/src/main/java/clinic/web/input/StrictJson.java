package clinic.web.input;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * How request bodies are read: every value in its own JSON type, nothing guessed. Built from
 * Jackson's own features and coercion settings; code of ours only where Jackson has no setting
 * ({@link StrictStringDeserializer} for text, {@link StrictScalars} for dates, uuids and enums).
 * <ul>
 * <li>no scalar coercion: a number is not a date, a text or a boolean; "true" is not a boolean;
 * "5" is not a number; 1.5 is not a whole number; a number is not an enum constant;</li>
 * <li>"" is not null: an empty string for a date, uuid, enum or object is refused;</li>
 * <li>a field the request does not have, a key given twice, or anything after the JSON value is refused;</li>
 * <li>text holds no control characters (see {@link TextRules} and {@link FreeText}).</li>
 * </ul>
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** A copy of {@code base} (with its modules and output settings) that reads as above. */
    public static ObjectMapper forRequests(ObjectMapper base) {
        ObjectMapper strict = base.copy();
        strict.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        strict.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        strict.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
                DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT,
                DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
                DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);
        // java.time: no epoch day for a LocalDate (date-times ignore this: see StrictScalars)
        strict.setDefaultLeniency(false);
        strict.coercionConfigDefaults()
                .setAcceptBlankAsEmpty(false)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail);
        refuse(strict, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        refuse(strict, LogicalType.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.String);
        refuse(strict, LogicalType.Integer, CoercionInputShape.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
        refuse(strict, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
        refuse(strict, LogicalType.DateTime, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.EmptyString);
        refuse(strict, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.EmptyString);
        refuse(strict, LogicalType.OtherScalar, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean, CoercionInputShape.EmptyString);
        strict.registerModule(new SimpleModule("clinic-strict-input")
                .addDeserializer(String.class, new StrictStringDeserializer())
                .setDeserializerModifier(new StrictScalars()));
        return strict;
    }

    private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }
}
