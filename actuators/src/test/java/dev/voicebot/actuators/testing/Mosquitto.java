package dev.voicebot.actuators.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker (Debian's /usr/sbin/mosquitto) for tests, with everything in a temporary
 * folder: generated certificates (openssl), a password file (mosquitto_passwd) and an ACL file.
 * Listens on loopback only: {@link #tlsPort} (TLS, password), {@link #mtlsPort} (TLS, client certificate
 * required, password).
 */
public final class Mosquitto implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    private final Process process;
    private final Path dir;
    private final int tlsPort;
    private final int mtlsPort;

    private Mosquitto(Process process, Path dir, int tlsPort, int mtlsPort) {
        this.process = process;
        this.dir = dir;
        this.tlsPort = tlsPort;
        this.mtlsPort = mtlsPort;
    }

    public static boolean available() {
        return Files.isExecutable(BINARY) && Files.isExecutable(Path.of("/usr/bin/mosquitto_passwd")) && Files.isExecutable(Path.of("/usr/bin/openssl"));
    }

    /**
     * Starts Mosquitto with users {@code user -> password} pairs given as "name:password", and {@code acl}
     * as the ACL file's text.
     */
    public static Mosquitto start(Path dir, List<String> users, String acl) throws IOException, InterruptedException {
        Certificates.make(dir);
        Path passwords = dir.resolve("passwords");
        Files.writeString(passwords, "");
        for (String user : users) {
            String[] up = user.split(":", 2);
            run(dir, "/usr/bin/mosquitto_passwd", "-b", passwords.toString(), up[0], up[1]);
        }
        Files.writeString(dir.resolve("acl"), acl);
        int tls = freePort();
        int mtls = freePort();
        String conf = """
                user root
                per_listener_settings false
                allow_anonymous false
                password_file %1$s/passwords
                acl_file %1$s/acl
                persistence false
                log_dest stderr
                log_type error
                log_type warning
                listener %2$d 127.0.0.1
                cafile %1$s/ca.crt
                certfile %1$s/server.crt
                keyfile %1$s/server.key
                require_certificate false
                listener %3$d 127.0.0.1
                cafile %1$s/ca.crt
                certfile %1$s/server.crt
                keyfile %1$s/server.key
                require_certificate true
                """.formatted(dir, tls, mtls);
        Files.writeString(dir.resolve("mosquitto.conf"), conf);
        Process p = new ProcessBuilder(BINARY.toString(), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        Mosquitto m = new Mosquitto(p, dir, tls, mtls);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!(listening(tls) && listening(mtls))) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                m.close();
                throw new IOException("mosquitto did not start: " + Files.readString(dir.resolve("mosquitto.log")));
            }
            Thread.sleep(20);
        }
        return m;
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    static void run(Path dir, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    public int tlsPort() {
        return tlsPort;
    }

    public int mtlsPort() {
        return mtlsPort;
    }

    public Path dir() {
        return dir;
    }

    public String log() throws IOException {
        return Files.readString(dir.resolve("mosquitto.log"));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A test CA, a server certificate for IP 127.0.0.1 only (so "localhost" fails hostname checks), a client certificate. */
    static final class Certificates {
        private Certificates() {
        }

        static void make(Path dir) throws IOException, InterruptedException {
            String o = "/usr/bin/openssl";
            run(dir, o, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ca.key", "-out", "ca.crt",
                    "-days", "2", "-subj", "/CN=robot test CA");
            run(dir, o, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "server.key", "-out", "server.csr",
                    "-subj", "/CN=127.0.0.1");
            Files.writeString(dir.resolve("server.ext"), "subjectAltName=IP:127.0.0.1\n");
            run(dir, o, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.crt",
                    "-days", "2", "-extfile", "server.ext");
            run(dir, o, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "client.key", "-out", "client.csr",
                    "-subj", "/CN=robot1");
            run(dir, o, "x509", "-req", "-in", "client.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out", "client.crt", "-days", "2");
            // a second, unrelated authority the broker's certificate does not chain to
            run(dir, o, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "other-ca.key",
                    "-out", "other-ca.crt", "-days", "2", "-subj", "/CN=some other CA");
        }
    }
}
