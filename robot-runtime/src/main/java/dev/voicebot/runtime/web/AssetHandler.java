package dev.voicebot.runtime.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves the page's few assets from the jar ({@code /web/} on the class path) and nothing else: no
 * directory listing, no file system, no CDN. A strict content security policy keeps the page to
 * its own origin.
 */
final class AssetHandler extends Handler.Abstract {
    private static final String CSP = "default-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "media-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private record Asset(byte[] bytes, String type) {
    }

    private final Map<String, Asset> assets = Map.of(
            "/", load("index.html", "text/html; charset=utf-8"),
            "/index.html", load("index.html", "text/html; charset=utf-8"),
            "/app.js", load("app.js", "text/javascript; charset=utf-8"),
            "/style.css", load("style.css", "text/css; charset=utf-8"),
            "/favicon.svg", load("favicon.svg", "image/svg+xml"));

    private static Asset load(String name, String type) {
        try (InputStream in = AssetHandler.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("web asset /web/" + name + " missing from the jar");
            }
            return new Asset(in.readAllBytes(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read web asset " + name, e);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Asset asset = assets.get(Request.getPathInContext(request));
        if (asset == null || !(request.getMethod().equals("GET") || request.getMethod().equals("HEAD"))) {
            return false;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, asset.type());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("Content-Security-Policy", CSP);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, asset.bytes().length);
        response.write(true, request.getMethod().equals("HEAD") ? ByteBuffer.allocate(0) : ByteBuffer.wrap(asset.bytes()), callback);
        return true;
    }
}
