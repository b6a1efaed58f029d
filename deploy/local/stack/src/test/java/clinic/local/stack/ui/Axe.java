package clinic.local.stack.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs axe-core in the page under test and lists its serious and critical findings. The script is
 * read from the test classpath (the axe.min.js that Deque's Maven artifact carries) and injected by
 * the test: the screens themselves load nothing from elsewhere.
 */
final class Axe {

    private static final String SOURCE = load();

    private Axe() {
    }

    private static String load() {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Serious and critical violations on the page as it is now, one line each (rule, what, where). */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(Browser browser) {
        if (!Boolean.TRUE.equals(browser.script("return typeof window.axe === 'object'"))) {
            browser.script(SOURCE);
        }
        Object answer = browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                   .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                       .map(v => ({ id: v.id, help: v.help, targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')) }))))
                   .catch(e => done([{ id: 'axe-error', help: String(e), targets: [] }]));""");
        List<String> lines = new ArrayList<>();
        for (Object o : (List<Object>) answer) {
            Map<String, Object> v = (Map<String, Object>) o;
            lines.add(v.get("id") + ": " + v.get("help") + " at " + v.get("targets"));
        }
        return lines;
    }
}
