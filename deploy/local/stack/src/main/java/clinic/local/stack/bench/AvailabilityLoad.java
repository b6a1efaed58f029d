package clinic.local.stack.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/**
 * Availability answer times as the front desk sees them: one request at a time after a warm-up long
 * enough for the JIT to compile the request path, through the JDK's own HTTP client.
 */
final class AvailabilityLoad {

    /** What one run measured. */
    record Result(int slots, int kilobytes, double p50Millis, double p99Millis, double maxMillis) {
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String authorization;

    AvailabilityLoad(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    Result run(String query, int warmUp, int measured) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/availability?" + query))
                .header("Authorization", authorization).build();
        byte[] body = fetch(request);
        for (int i = 0; i < warmUp; i++) {
            fetch(request);
        }
        long[] nanos = new long[measured];
        for (int i = 0; i < measured; i++) {
            long start = System.nanoTime();
            fetch(request);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        int slots = text.isEmpty() || text.equals("[]") ? 0 : text.split("\"start\"").length - 1;
        return new Result(slots, body.length / 1000, nanos[measured / 2] / 1e6, nanos[(int) (measured * 0.99)] / 1e6,
                nanos[measured - 1] / 1e6);
    }

    private byte[] fetch(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("availability answered " + response.statusCode() + ": " + new String(response.body()));
        }
        return response.body();
    }
}
