package clinic.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.Field;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.Attribute;

/**
 * Holds a plain-SQL write or read to the entity's mapping: every field Hibernate maps must be set
 * in {@code expected} (to a value unlike a new object's, so a column left out cannot pass by
 * chance) and equal in {@code actual}.
 */
final class MappedFields {

    private MappedFields() {
    }

    /** Answers the names of the fields compared (all mapped ones but {@code skipped}). */
    static <T> Set<String> assertSame(EntityManager em, Class<T> type, T expected, T actual, Set<String> skipped)
            throws ReflectiveOperationException {
        T fresh = type.getDeclaredConstructor().newInstance();
        Set<String> compared = new TreeSet<>();
        for (Attribute<? super T, ?> attribute : em.getMetamodel().entity(type).getAttributes()) {
            Field field = (Field) attribute.getJavaMember();
            if (skipped.contains(field.getName())) {
                continue;
            }
            field.setAccessible(true);
            Object value = field.get(expected);
            assertNotEquals(field.get(fresh), value, field.getName() + " is left at its default by this test");
            assertEquals(value, field.get(actual), field.getName());
            compared.add(field.getName());
        }
        return compared;
    }
}
