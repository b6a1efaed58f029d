package clinic.local.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes each service's OpenAPI document to docs/openapi/&lt;service&gt;.yaml exactly as the packaged
 * service serves it at /q/openapi on its management port: starts the whole clinic on free ports
 * (never a running local stack), fetches the three documents, stops it. Run with
 * docs/openapi/regenerate after changing an API.
 */
public final class OpenApiDocuments {

    private OpenApiDocuments() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("clinic.home", ".")).toAbsolutePath().normalize();
        Path target = home.resolve("docs/openapi");
        HttpClient http = HttpClient.newHttpClient();
        try (ScratchDirectory data = ScratchDirectory.create("clinic-openapi");
                ClinicStack stack = ClinicStack.start(StackSettings.onFreePorts(home, data.path()))) {
            StackSettings s = stack.settings();
            for (Map.Entry<String, Integer> service : Map.of(ClinicStack.BOOKING, s.bookingManagementPort(),
                    ClinicStack.SCREENING, s.screeningManagementPort(), ClinicStack.CONTENT, s.contentManagementPort()).entrySet()) {
                HttpResponse<String> document = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + service.getValue() + "/q/openapi?format=yaml")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (document.statusCode() != 200) {
                    throw new IOException(service.getKey() + " answered " + document.statusCode() + " for /q/openapi");
                }
                Path file = target.resolve(service.getKey() + ".yaml");
                Files.writeString(file, document.body().endsWith("\n") ? document.body() : document.body() + "\n");
                System.out.println("wrote " + home.relativize(file));
            }
        }
    }
}
