package clinic.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.PodMetricsEndpoint;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.RuleGroup;

/**
 * What clinic IT monitors, in the prod overlay: Prometheus scrapes every service on its management
 * port, the alerts cover what the issue named (outbox backlog and age, relay failures, the screening
 * breaker, consumer lag, dead letters, dispatch lag, re-screens owed), and the Grafana dashboard is
 * a well-formed dashboard. Rules and dashboard name only metrics listed in metrics.txt, which the
 * end-to-end test holds against what the running services expose.
 */
class MonitoringTest {

    /** The metrics the issue asks alerts and charts for, and the database's backups and WAL archive. */
    static final Set<String> REQUIRED = Set.of("clinic_outbox_backlog", "clinic_outbox_oldest_age_seconds",
            "clinic_outbox_relay_failures_total", "ft_circuitbreaker_state_current", "clinic_consumer_lag",
            "clinic_dead_letter_depth", "clinic_dispatch_lag_seconds", "clinic_rescreen_backlog",
            "barman_cloud_cloudnative_pg_io_last_available_backup_timestamp", "cnpg_collector_pg_wal_archive_status");

    /** The selector of the clinic's PostgreSQL instances (CloudNativePG names them after the cluster). */
    private static final String CLINIC_DB_PODS = "pod=~\"" + OverlaysTest.POSTGRES + "-[0-9]+\"";

    /** Who may expose a listed metric besides the services: Prometheus itself, and the PostgreSQL cluster. */
    private static final Set<String> OTHER_EXPOSERS = Set.of("prometheus", OverlaysTest.POSTGRES);

    private static final Set<String> PANEL_TYPES = Set.of("timeseries", "stat", "gauge", "bargauge", "table", "text",
            "row", "heatmap", "state-timeline", "status-history");

    @Test
    void prometheusScrapesEveryServiceOnItsManagementPortOnly() {
        Manifests prod = OverlaysTest.Overlay.PROD.render();
        List<PodMonitor> monitors = prod.typed("PodMonitor", PodMonitor.class);
        assertEquals(List.of("clinic-db", "clinic-services"), monitors.stream().map(m -> m.getMetadata().getName()).sorted().toList());
        PodMonitor monitor = prod.typed("PodMonitor", "clinic-services", PodMonitor.class);
        for (String service : OverlaysTest.PORTS.keySet()) {
            Deployment deployment = prod.typed("Deployment", service, Deployment.class);
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertTrue(NetworkReach.matches(monitor.getSpec().getSelector(), labels), "the PodMonitor selects " + service);
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            for (PodMetricsEndpoint endpoint : monitor.getSpec().getPodMetricsEndpoints()) {
                assertEquals("/q/metrics", endpoint.getPath());
                ContainerPort port = container.getPorts().stream().filter(p -> p.getName().equals(endpoint.getPort()))
                        .findFirst().orElseThrow(() -> new AssertionError(service + " has no port " + endpoint.getPort()));
                assertEquals(OverlaysTest.MANAGEMENT_PORTS.get(service), port.getContainerPort(), service);
            }
        }
    }

    /**
     * The database's PodMonitor selects the Cluster's instances (as CloudNativePG labels them), not
     * its other pods, and scrapes the exporter's named port; the network policy test lets Prometheus
     * reach it on 9187.
     */
    @Test
    void prometheusScrapesTheDatabaseExporterOfEveryInstance() {
        PodMonitor monitor = OverlaysTest.Overlay.PROD.render().typed("PodMonitor", "clinic-db", PodMonitor.class);
        Map<String, String> instance = Map.of("cnpg.io/cluster", OverlaysTest.POSTGRES, "cnpg.io/podRole", "instance",
                "cnpg.io/instanceRole", "replica");
        assertTrue(NetworkReach.matches(monitor.getSpec().getSelector(), instance));
        assertFalse(NetworkReach.matches(monitor.getSpec().getSelector(), Map.of("cnpg.io/cluster", OverlaysTest.POSTGRES,
                "cnpg.io/jobRole", "initdb")), "a job of the cluster has no exporter");
        assertEquals(List.of("metrics"), monitor.getSpec().getPodMetricsEndpoints().stream().map(PodMetricsEndpoint::getPort).toList());
    }

    @Test
    void everyListedMetricNamesWhoExposesIt() throws IOException {
        Set<String> exposers = new TreeSet<>(OTHER_EXPOSERS);
        exposers.addAll(OverlaysTest.PORTS.keySet());
        exposers.add("all");
        catalog().forEach((metric, exposedBy) -> {
            for (String exposer : exposedBy.split(",")) {
                assertTrue(exposers.contains(exposer), metric + ": unknown exposer " + exposer);
            }
        });
    }

    @Test
    void theAlertsCoverWhatClinicItWatchesAndNameOnlyExposedMetrics() throws IOException {
        Map<String, String> catalog = catalog();
        List<PrometheusRule> rules = OverlaysTest.Overlay.PROD.render().typed("PrometheusRule", PrometheusRule.class);
        assertEquals(1, rules.size());
        Set<String> alerted = new TreeSet<>();
        Set<String> names = new HashSet<>();
        for (RuleGroup group : rules.get(0).getSpec().getGroups()) {
            assertFalse(group.getRules().isEmpty(), group.getName());
            for (Rule rule : group.getRules()) {
                assertNotNull(rule.getAlert(), "every rule is an alert: " + rule.getExpr());
                assertTrue(names.add(rule.getAlert()), "alert names are unique: " + rule.getAlert());
                assertTrue(Set.of("warning", "critical").contains(rule.getLabels().get("severity")), rule.getAlert());
                assertNotNull(rule.getFor(), rule.getAlert() + " waits before firing");
                assertFalse(rule.getAnnotations().getOrDefault("summary", "").isBlank(), rule.getAlert());
                assertFalse(rule.getAnnotations().getOrDefault("description", "").isBlank(), rule.getAlert());
                Set<String> metrics = PromQl.metricNames(rule.getExpr().getStrVal());
                assertFalse(metrics.isEmpty(), rule.getAlert());
                for (String metric : metrics) {
                    assertTrue(catalog.containsKey(metric), rule.getAlert() + " names " + metric + ", which metrics.txt does not list");
                }
                assertSelectsTheClinicsDatabase(rule.getExpr().getStrVal(), catalog, rule.getAlert());
                alerted.addAll(metrics);
            }
        }
        assertTrue(alerted.containsAll(REQUIRED), "no alert on " + difference(REQUIRED, alerted));
    }

    @Test
    void theDashboardIsAGrafanaDashboardChartingOnlyExposedMetrics() throws IOException {
        Map<String, String> catalog = catalog();
        ConfigMap configMap = OverlaysTest.Overlay.PROD.render().typed("ConfigMap", "clinic-grafana-dashboard", ConfigMap.class);
        assertEquals("1", configMap.getMetadata().getLabels().get("grafana_dashboard"), "Grafana's sidecar finds it by this label");
        JsonNode dashboard = new ObjectMapper().readTree(configMap.getData().get("clinic-dashboard.json"));

        for (String field : List.of("title", "uid")) {
            assertTrue(dashboard.path(field).isTextual() && !dashboard.path(field).asText().isBlank(), field);
        }
        assertTrue(dashboard.path("schemaVersion").isInt() && dashboard.path("schemaVersion").asInt() >= 30, "schemaVersion");
        assertTrue(dashboard.path("uid").asText().length() <= 40, "Grafana uids are at most 40 characters");
        assertTrue(dashboard.path("id").isMissingNode() || dashboard.path("id").isNull(), "no instance-specific id");
        Set<String> variables = new HashSet<>();
        dashboard.path("templating").path("list").forEach(v -> variables.add(v.path("name").asText()));
        assertTrue(variables.contains("datasource"), "the Prometheus data source is chosen on import, not hard-wired");

        JsonNode panels = dashboard.path("panels");
        assertTrue(panels.isArray() && panels.size() > 0, "panels");
        Set<Integer> ids = new HashSet<>();
        Set<String> charted = new TreeSet<>();
        List<int[]> cells = new ArrayList<>();
        for (JsonNode panel : panels) {
            String title = panel.path("title").asText();
            assertFalse(title.isBlank(), "every panel has a title");
            assertTrue(ids.add(panel.path("id").asInt()), "panel ids are unique: " + title);
            assertTrue(PANEL_TYPES.contains(panel.path("type").asText()), title + ": type " + panel.path("type"));
            JsonNode grid = panel.path("gridPos");
            int x = grid.path("x").asInt(-1);
            int w = grid.path("w").asInt(-1);
            assertTrue(x >= 0 && w > 0 && x + w <= 24 && grid.path("h").asInt(0) > 0 && grid.path("y").asInt(-1) >= 0,
                    title + ": gridPos within Grafana's 24 columns");
            for (int[] other : cells) {
                boolean overlaps = x < other[0] + other[1] && other[0] < x + w
                        && grid.path("y").asInt() < other[2] + other[3] && other[2] < grid.path("y").asInt() + grid.path("h").asInt();
                assertFalse(overlaps, title + " overlaps another panel");
            }
            cells.add(new int[] { x, w, grid.path("y").asInt(), grid.path("h").asInt() });
            assertEquals("${datasource}", panel.path("datasource").path("uid").asText(), title);
            JsonNode targets = panel.path("targets");
            assertTrue(targets.isArray() && targets.size() > 0, title + " has queries");
            Set<String> refIds = new HashSet<>();
            for (JsonNode target : targets) {
                assertTrue(refIds.add(target.path("refId").asText()), title + ": refIds are unique");
                for (String metric : PromQl.metricNames(target.path("expr").asText())) {
                    assertTrue(catalog.containsKey(metric), title + " charts " + metric + ", which metrics.txt does not list");
                    charted.add(metric);
                }
                assertSelectsTheClinicsDatabase(target.path("expr").asText(), catalog, title);
            }
        }
        assertTrue(charted.containsAll(REQUIRED), "not charted: " + difference(REQUIRED, charted));
    }

    @Test
    void theMetricNameReaderFindsOnlyMetrics() {
        assertEquals(Set.of("a_total", "b_seconds"), PromQl.metricNames(
                "sum by (service, le) (rate(a_total{x=\"y{z}\", state=~\"open|half\"}[5m])) / ignoring(pod) max(b_seconds) > 0.5"));
        assertEquals(Set.of("up"), PromQl.metricNames("up{container=~\"a|b\"} == 0"));
    }

    /**
     * Every series of the database's exporter is taken from the clinic's cluster only: a Prometheus
     * shared with other teams may scrape other CloudNativePG clusters, which expose the same names.
     */
    private static void assertSelectsTheClinicsDatabase(String expr, Map<String, String> catalog, String where) {
        catalog.forEach((metric, exposedBy) -> {
            if (exposedBy.equals(OverlaysTest.POSTGRES)) {
                Matcher use = Pattern.compile("\\b" + metric + "\\b(\\{[^}]*\\})?").matcher(expr);
                while (use.find()) {
                    assertTrue(use.group(1) != null && use.group(1).contains(CLINIC_DB_PODS),
                            where + ": " + metric + " without " + CLINIC_DB_PODS);
                }
            }
        });
    }

    /** metrics.txt: metric name to who exposes it. */
    static Map<String, String> catalog() throws IOException {
        Map<String, String> catalog = new TreeMap<>();
        for (String line : Files.readAllLines(Kustomize.K8S_DIR.resolve("components/monitoring/metrics.txt"))) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                String[] columns = trimmed.split("\\s+");
                catalog.put(columns[0], columns.length > 1 ? columns[1] : "");
            }
        }
        return catalog;
    }

    private static Set<String> difference(Set<String> all, Set<String> some) {
        Set<String> missing = new TreeSet<>(all);
        missing.removeAll(some);
        return missing;
    }
}
