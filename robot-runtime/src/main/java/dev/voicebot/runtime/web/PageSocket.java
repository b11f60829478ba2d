package dev.voicebot.runtime.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open page. Text frames are JSON requests; binary frames are push-to-talk audio (16 kHz, 16-bit
 * little-endian mono) between {@code {"type":"ptt","action":"start"}} and {@code ..."stop"}. Sends
 * come from the view's one sender thread; a page that falls far behind misses state frames, and one
 * that stops reading altogether is closed.
 */
public final class PageSocket implements Session.Listener.AutoDemanding {
    private static final Logger log = LoggerFactory.getLogger(PageSocket.class);
    private static final int SKIP_STATE_ABOVE = 50;
    private static final int CLOSE_ABOVE = 2_000;

    private final WebView view;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object audioLock = new Object();
    private volatile Session session;
    private ByteArrayOutputStream audio;
    private boolean truncated;

    PageSocket(WebView view) {
        this.view = view;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        view.opened(this);
    }

    @Override
    public void onWebSocketText(String message) {
        JsonNode node;
        try {
            node = view.json().readTree(message);
        } catch (java.io.IOException e) {
            log.debug("web view: unreadable message from a page", e);
            send("{\"type\":\"event\",\"event\":{\"event\":\"error\",\"source\":\"web\",\"message\":\"unreadable message from the page\"}}", true);
            return;
        }
        if ("ptt".equals(node.path("type").asText())) {
            ptt(node.path("action").asText(""));
        } else {
            view.onMessage(this, node);
        }
    }

    private void ptt(String action) {
        byte[] recorded = null;
        boolean cut = false;
        synchronized (audioLock) {
            if (action.equals("start")) {
                audio = new ByteArrayOutputStream();
                truncated = false;
            } else if (action.equals("stop") && audio != null) {
                recorded = audio.toByteArray();
                cut = truncated;
                audio = null;
            }
        }
        if (recorded != null) {
            view.onVoice(recorded, cut);
        }
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        synchronized (audioLock) {
            if (audio != null) {
                int room = WebView.MAX_AUDIO_BYTES - audio.size();
                int n = Math.min(room, payload.remaining()) & ~1;
                if (n < payload.remaining()) {
                    truncated = true;
                }
                byte[] bytes = new byte[n];
                payload.get(bytes);
                audio.write(bytes, 0, n);
            }
        }
        callback.succeed();
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        view.closed(this);
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        log.debug("web view: page connection failed", cause);
        view.closed(this);
    }

    /** Sends one text frame; state frames ({@code important == false}) are skipped while the page is behind. */
    void send(String text, boolean important) {
        Session s = session;
        if (s == null || !s.isOpen()) {
            return;
        }
        int pending = inFlight.get();
        if (pending > CLOSE_ABOVE) {
            log.warn("web view: a page stopped reading; closing it");
            close();
            return;
        }
        if (!important && pending > SKIP_STATE_ABOVE) {
            return;
        }
        inFlight.incrementAndGet();
        s.sendText(text, Callback.from(inFlight::decrementAndGet, failure -> inFlight.decrementAndGet()));
    }

    void close() {
        Session s = session;
        if (s != null && s.isOpen()) {
            s.close(StatusCode.SHUTDOWN, "web view closing", Callback.NOOP);
        }
        view.closed(this);
    }
}
