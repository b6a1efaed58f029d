package clinic.booking.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.builder.ResponseBuilder;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * Sends a request over a plain socket, for what HTTP client libraries refuse to send (a control
 * character in a header) or send their own way (a chunked body), and hands the answer to
 * rest-assured for checking.
 */
public final class RawHttp {

    private RawHttp() {
    }

    public static ValidatableResponse send(String method, String path, Map<String, String> headers, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return exchange(method, path, headers, "Content-Length: " + bytes.length + "\r\n", out -> out.write(bytes));
    }

    public static ValidatableResponse sendChunked(String method, String path, Map<String, String> headers, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return exchange(method, path, headers, "Transfer-Encoding: chunked\r\n", out -> {
            for (int at = 0; at < bytes.length; at += 8192) {
                int length = Math.min(8192, bytes.length - at);
                out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes, at, length);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });
    }

    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private static ValidatableResponse exchange(String method, String path, Map<String, String> headers, String framing,
            Body body) {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append(framing).append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            try {
                body.writeTo(out);
                out.flush();
            } catch (IOException refusedEarly) {
                // the server may answer and stop reading before the whole body is sent; its answer is still there to read
            }
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ValidatableResponse parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        ResponseBuilder response = new ResponseBuilder().setStatusCode(Integer.parseInt(lines[0].split(" ")[1]))
                .setStatusLine(lines[0]);
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            String[] header = lines[i].split(":", 2);
            response.setHeader(header[0].trim(), header[1].trim());
            if (header[0].trim().equalsIgnoreCase("Content-Type")) {
                response.setContentType(header[1].trim());
            }
            chunked |= header[0].trim().equalsIgnoreCase("Transfer-Encoding") && header[1].contains("chunked");
        }
        byte[] body = text.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1);
        response.setBody(new String(chunked ? unchunk(body) : body, StandardCharsets.UTF_8));
        Response built = response.build();
        return built.then();
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(chunked);
        try {
            while (true) {
                StringBuilder sizeLine = new StringBuilder();
                for (int c = in.read(); c != '\n' && c != -1; c = in.read()) {
                    if (c != '\r') {
                        sizeLine.append((char) c);
                    }
                }
                int size = Integer.parseInt(sizeLine.toString().split(";")[0].trim(), 16);
                if (size == 0) {
                    return body.toByteArray();
                }
                body.write(in.readNBytes(size));
                in.skip(2);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
