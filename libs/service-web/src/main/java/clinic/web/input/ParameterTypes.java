package clinic.web.input;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import clinic.web.ProblemException;

/**
 * Refuses a path or query parameter that its operation's Java type cannot hold (an id that is not a
 * UUID, a limit that is not a whole number, an unknown procedure code, a day that is not a date)
 * with a 400 that names the parameter, before the REST layer converts it. Left to the REST layer,
 * such a request answers 404 without a word of which parameter was wrong: JAX-RS counts a path or
 * query parameter that does not convert as "no such resource". Written here because neither JAX-RS
 * nor Quarkus lets a converter's failure name its parameter; each check uses the type's own parser,
 * so what passes here converts there.
 */
public class ParameterTypes {

    private static final Pattern CANONICAL_UUID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    private final Map<Method, List<TypedParameter>> byMethod = new ConcurrentHashMap<>();

    @ServerRequestFilter(priority = ParameterText.PRIORITY + 1)
    public void refuseUnconvertible(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        for (TypedParameter parameter : byMethod.computeIfAbsent(method, ParameterTypes::typedParameters)) {
            MultivaluedMap<String, String> values = parameter.inPath()
                    ? request.getUriInfo().getPathParameters()
                    : request.getUriInfo().getQueryParameters();
            for (String value : values.getOrDefault(parameter.name(), List.of())) {
                String refusal = parameter.check().apply(value);
                if (refusal != null) {
                    throw ProblemException.badRequest(parameter.name(), refusal);
                }
            }
        }
    }

    /** A path or query parameter of a type converted from text, with the check for its type. */
    private record TypedParameter(String name, boolean inPath, Function<String, String> check) {
    }

    private static List<TypedParameter> typedParameters(Method method) {
        List<TypedParameter> typed = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            Function<String, String> check = checkFor(parameter.getType());
            if (check == null) {
                continue;
            }
            for (Annotation annotation : parameter.getAnnotations()) {
                String declared = declaredName(annotation);
                if (declared != null) {
                    String name = declared.isEmpty() ? parameter.getName() : declared;
                    typed.add(new TypedParameter(name, isPath(annotation), check));
                }
            }
        }
        return List.copyOf(typed);
    }

    /** The name a path or query annotation gives ("" for the Java parameter's own name), or null for any other annotation. */
    private static String declaredName(Annotation annotation) {
        if (annotation instanceof PathParam path) {
            return path.value();
        }
        if (annotation instanceof QueryParam query) {
            return query.value();
        }
        if (annotation instanceof RestPath path) {
            return path.value();
        }
        if (annotation instanceof RestQuery query) {
            return query.value();
        }
        return null;
    }

    private static boolean isPath(Annotation annotation) {
        return annotation instanceof PathParam || annotation instanceof RestPath;
    }

    /** Null when the type is text (or a list of it) the resource reads as it comes. */
    private static Function<String, String> checkFor(Class<?> type) {
        if (type == UUID.class) {
            return value -> CANONICAL_UUID.matcher(value).matches() ? null : "must be a UUID";
        }
        if (type == Integer.class || type == int.class) {
            return value -> parses(value, Integer::valueOf) ? null : "must be a whole number";
        }
        if (type == Long.class || type == long.class) {
            return value -> parses(value, Long::valueOf) ? null : "must be a whole number";
        }
        if (type == LocalDate.class) {
            return value -> parses(value, LocalDate::parse) ? null : "must be a date (YYYY-MM-DD)";
        }
        if (type == Boolean.class || type == boolean.class) {
            // JAX-RS takes anything but "true" as false
            return value -> "true".equals(value) || "false".equals(value) ? null : "must be true or false";
        }
        if (type.isEnum()) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
            return value -> Arrays.stream(type.getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name().equals(value))
                    ? null : "must be one of " + allowed;
        }
        return null;
    }

    private static boolean parses(String value, Function<String, ?> parser) {
        try {
            parser.apply(value);
            return true;
        } catch (NumberFormatException | DateTimeParseException e) {
            return false;
        }
    }
}
