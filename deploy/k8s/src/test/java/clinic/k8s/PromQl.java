package clinic.k8s;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads. Written here because no PromQL parser is published for
 * the JVM in the repositories these builds use; it handles what the clinic's rules and dashboard use
 * (selectors with label matchers, ranges, aggregations with by/without, functions, arithmetic and
 * comparisons) and fails on unbalanced brackets rather than guess.
 */
final class PromQl {

    /** Aggregations, functions and keywords: identifiers that are never metric names. */
    private static final Set<String> NOT_METRICS = Set.of("sum", "min", "max", "avg", "count", "stddev", "stdvar", "topk",
            "bottomk", "quantile", "count_values", "group", "by", "without", "on", "ignoring", "group_left", "group_right",
            "and", "or", "unless", "bool", "offset", "rate", "irate", "increase", "delta", "idelta", "deriv", "abs", "ceil",
            "floor", "round", "clamp", "clamp_min", "clamp_max", "histogram_quantile", "label_replace", "label_join",
            "absent", "absent_over_time", "avg_over_time", "max_over_time", "min_over_time", "sum_over_time",
            "count_over_time", "last_over_time", "changes", "resets", "time", "vector", "scalar", "sort", "sort_desc");

    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private PromQl() {
    }

    static Set<String> metricNames(String expression) {
        String text = expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
        requireBalanced(expression, text);
        // label matchers, ranges and grouping label lists name labels, not metrics
        text = text.replaceAll("\\{[^{}]*}", " ").replaceAll("\\[[^\\[\\]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^()]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(text);
        while (m.find()) {
            String name = m.group();
            boolean call = text.substring(m.end()).matches("(?s)\\s*\\(.*");
            boolean number = m.start() > 0 && Character.isDigit(text.charAt(m.start() - 1));
            if (!call && !number && !NOT_METRICS.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static void requireBalanced(String original, String text) {
        int depth = 0;
        for (char c : text.toCharArray()) {
            depth += "({[".indexOf(c) >= 0 ? 1 : ")}]".indexOf(c) >= 0 ? -1 : 0;
            if (depth < 0) {
                break;
            }
        }
        if (depth != 0) {
            throw new AssertionError("unbalanced brackets in PromQL: " + original);
        }
    }
}
