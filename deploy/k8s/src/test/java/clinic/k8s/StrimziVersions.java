package clinic.k8s;

import java.util.List;

/** Reads Strimzi's API version ranges ({@code v1beta2}, {@code v1alpha1-v1beta2}, {@code v1+}). */
final class StrimziVersions {

    /** Strimzi's custom resource API versions, oldest first. */
    static final List<String> ORDER = List.of("v1alpha1", "v1beta1", "v1beta2", "v1");

    private StrimziVersions() {
    }

    static boolean contains(String range, String version) {
        int wanted = index(version);
        for (String part : range.split(",")) {
            String p = part.trim();
            if (p.endsWith("+")) {
                if (wanted >= index(p.substring(0, p.length() - 1))) {
                    return true;
                }
            } else if (p.contains("-")) {
                String[] ends = p.split("-", 2);
                if (wanted >= index(ends[0]) && wanted <= index(ends[1])) {
                    return true;
                }
            } else if (wanted == index(p)) {
                return true;
            }
        }
        return false;
    }

    private static int index(String version) {
        int i = ORDER.indexOf(version);
        if (i < 0) {
            throw new IllegalArgumentException("unknown Strimzi API version " + version);
        }
        return i;
    }
}
