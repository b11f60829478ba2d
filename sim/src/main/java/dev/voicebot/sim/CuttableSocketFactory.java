package dev.voicebot.sim;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.SocketFactory;

/**
 * Plain TCP sockets whose connections can be cut, as if the cable were pulled: {@link #cut()} closes
 * every open socket (the broker sees the client vanish and publishes its last will) and refuses new
 * ones until {@link #restore()}. Used for the {@code sim.faults.disconnectAfter} fault.
 */
final class CuttableSocketFactory extends SocketFactory {
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean cut;

    void cut() {
        cut = true;
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // already gone
            }
        }
        open.clear();
    }

    void restore() {
        cut = false;
    }

    boolean isCut() {
        return cut;
    }

    private Socket track(Socket s) throws SocketException {
        if (cut) {
            throw new SocketException("connection cut by fault injection (sim.faults.disconnectAfter)");
        }
        open.removeIf(Socket::isClosed);
        open.add(s);
        return s;
    }

    @Override
    public Socket createSocket() throws IOException {
        return track(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        if (cut) {
            throw new SocketException("connection cut by fault injection (sim.faults.disconnectAfter)");
        }
        return track(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        if (cut) {
            throw new SocketException("connection cut by fault injection (sim.faults.disconnectAfter)");
        }
        return track(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        if (cut) {
            throw new SocketException("connection cut by fault injection (sim.faults.disconnectAfter)");
        }
        return track(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        if (cut) {
            throw new SocketException("connection cut by fault injection (sim.faults.disconnectAfter)");
        }
        return track(new Socket(address, port, localAddress, localPort));
    }
}
