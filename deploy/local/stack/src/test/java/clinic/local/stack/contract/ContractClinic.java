package clinic.local.stack.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import clinic.local.stack.ClinicStack;
import clinic.local.stack.ScratchDirectory;
import clinic.local.stack.StackSettings;

/**
 * One clinic for the API contract tests of a run, started by the first test that needs it and
 * stopped when the test JVM ends. Its own, not the browser tests' one: the contract drive sends
 * valid requests too (closures, policy changes, deactivated rooms) that would change the day
 * those tests book on.
 */
final class ContractClinic {

    /** The services whose documents are committed under docs/openapi, in a stable order. */
    static final String[] SERVICES = { ClinicStack.BOOKING, ClinicStack.SCREENING, ClinicStack.CONTENT };

    private static ClinicStack stack;
    private static final Map<String, String> DOCUMENTS = new LinkedHashMap<>();

    private ContractClinic() {
    }

    static Path home() {
        return Path.of(System.getProperty("clinic.home", "../../..")).toAbsolutePath().normalize();
    }

    static synchronized ClinicStack stack() {
        if (stack == null) {
            try {
                ScratchDirectory data = ScratchDirectory.create("clinic-contract");
                stack = ClinicStack.start(StackSettings.onFreePorts(home(), data.path()));
                ClinicStack started = stack;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.close();
                    data.close();
                }, "clinic-contract-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stack;
    }

    /** The service's application address (where its API answers). */
    static String baseUrl(String service) {
        StackSettings s = stack().settings();
        return "http://127.0.0.1:" + switch (service) {
            case ClinicStack.BOOKING -> s.bookingPort();
            case ClinicStack.SCREENING -> s.screeningPort();
            default -> s.contentPort();
        };
    }

    /** The OpenAPI document the service serves on its management port, as YAML (what docs/openapi holds). */
    static String servedDocument(String service) {
        return served(service, "yaml");
    }

    /**
     * The same document as JSON, to read: YAML 1.1 readers take some of the examples the document
     * holds unquoted (13:45:30.123456789) for numbers.
     */
    static String servedJson(String service) {
        return served(service, "json");
    }

    private static synchronized String served(String service, String format) {
        return DOCUMENTS.computeIfAbsent(service + "." + format, key -> {
            String name = service;
            StackSettings s = stack().settings();
            int port = switch (name) {
                case ClinicStack.BOOKING -> s.bookingManagementPort();
                case ClinicStack.SCREENING -> s.screeningManagementPort();
                default -> s.contentManagementPort();
            };
            try {
                HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/q/openapi?format=" + format)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(name + " answered " + answer.statusCode() + " for /q/openapi");
                }
                return answer.body().endsWith("\n") ? answer.body() : answer.body() + "\n";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }
}
