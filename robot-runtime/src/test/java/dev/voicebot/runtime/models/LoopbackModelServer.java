package dev.voicebot.runtime.models;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model "hub" on 127.0.0.1 for tests, on a plain socket so that it can really drop a connection
 * mid-body: serves one file at {@code /model.bin} with HTTP Range support, and can be told to break
 * off the next response after some bytes, to serve other bytes than the file, to ignore Range
 * requests, or to answer with an error status. Records the Range header of every request.
 */
public final class LoopbackModelServer implements AutoCloseable {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final ServerSocket socket;
    private final Thread acceptor;
    private volatile byte[] body;
    private final AtomicInteger breakAfter = new AtomicInteger(-1);
    private volatile boolean ignoreRange;
    private volatile int status = 200;
    private final List<String> ranges = new CopyOnWriteArrayList<>();

    public LoopbackModelServer(byte[] body) throws IOException {
        this.body = body;
        this.socket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "loopback-model-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/model.bin");
    }

    /** The next response sends only {@code bytes} bytes of its body, then drops the connection. */
    public void breakNextAfter(int bytes) {
        breakAfter.set(bytes);
    }

    /** From now on serve {@code other} (e.g. a corrupted copy) instead. */
    public void serve(byte[] other) {
        this.body = other;
    }

    public void ignoreRange(boolean ignore) {
        this.ignoreRange = ignore;
    }

    public void status(int status) {
        this.status = status;
    }

    /** The Range header of each request so far ("" when none). */
    public List<String> ranges() {
        return List.copyOf(ranges);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                serve(s);
            } catch (IOException e) {
                // closed, or the client went away: next one
            }
        }
    }

    private void serve(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
        String requestLine = in.readLine();
        if (requestLine == null) {
            return;
        }
        String range = null;
        String line;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("range")) {
                range = line.substring(colon + 1).trim();
            }
        }
        ranges.add(range == null ? "" : range);
        OutputStream out = s.getOutputStream();
        byte[] data = body;
        if (status != 200) {
            head(out, status + " Error", 0, null);
            return;
        }
        int from = 0;
        Matcher m = range == null ? null : RANGE.matcher(range);
        if (m != null && m.matches() && !ignoreRange) {
            from = Integer.parseInt(m.group(1));
            if (from >= data.length) {
                head(out, "416 Range Not Satisfiable", 0, "Content-Range: bytes */" + data.length);
                return;
            }
            head(out, "206 Partial Content", data.length - from, "Content-Range: bytes " + from + "-" + (data.length - 1) + "/" + data.length);
        } else {
            head(out, "200 OK", data.length, null);
        }
        int limit = breakAfter.getAndSet(-1);
        int end = limit < 0 ? data.length : Math.min(data.length, from + limit);
        out.write(data, from, end - from);
        out.flush();
        // returning closes the socket: with fewer bytes than announced, the client sees the connection drop
    }

    private static void head(OutputStream out, String status, long length, String extra) throws IOException {
        String h = "HTTP/1.1 " + status + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + length
                + "\r\nConnection: close\r\n" + (extra == null ? "" : extra + "\r\n") + "\r\n";
        out.write(h.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
