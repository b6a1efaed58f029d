package clinic.web.http;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.Http2Settings;
import io.vertx.core.http.HttpServerOptions;

/**
 * Raises the HTTP decoders' own limits on the request line and header fields (HTTP/1.1) and on the
 * header list (HTTP/2) well above the configured ones, so that a request over a configured limit
 * reaches {@link RequestLimits} and gets a problem body; the decoder would answer it with an empty
 * 414 or 431. The ceiling still bounds what one connection can make the server buffer; a request
 * beyond it gets the decoder's empty answer.
 */
@ApplicationScoped
public class DecoderCeilings implements HttpServerOptionsCustomizer {

    /** The most the decoder holds of a request line or of a request's header fields. */
    static final int CEILING_BYTES = 1024 * 1024;

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        raise(options);
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        raise(options);
    }

    @Override
    public void customizeDomainSocketServer(HttpServerOptions options) {
        raise(options);
    }

    private static void raise(HttpServerOptions options) {
        options.setMaxInitialLineLength(Math.max(options.getMaxInitialLineLength(), CEILING_BYTES));
        options.setMaxHeaderSize(Math.max(options.getMaxHeaderSize(), CEILING_BYTES));
        // over HTTP/2 (Java's HttpClient upgrades its connections to it) the request line and the header
        // fields count as one header list, 8 KB by default
        Http2Settings http2 = options.getInitialSettings();
        http2.setMaxHeaderListSize(Math.max(http2.getMaxHeaderListSize(), CEILING_BYTES));
    }
}
