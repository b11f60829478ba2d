package dev.voicebot.runtime.privacy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The TCP and UDP sockets a Linux process has open, from {@code /proc/<pid>/fd} (socket inodes) and
 * {@code /proc/<pid>/net/{tcp,tcp6,udp,udp6}} (their addresses).
 */
final class OpenSockets {
    private OpenSockets() {
    }

    /** One internet socket of the process. */
    record Socket(String protocol, InetAddress local, int localPort, InetAddress remote, int remotePort, String state) {
        /** Bound to and talking to this machine only (a listener on loopback, or a connection between loopback addresses). */
        boolean loopbackOnly() {
            boolean localOk = local.isLoopbackAddress();
            boolean remoteOk = remote.isLoopbackAddress() || remote.isAnyLocalAddress() && remotePort == 0;
            return localOk && remoteOk;
        }

        @Override
        public String toString() {
            return protocol + " " + local.getHostAddress() + ":" + localPort + " -> " + remote.getHostAddress() + ":" + remotePort + " state " + state;
        }
    }

    static List<Socket> of(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (NoSuchFileException closedMeanwhile) {
                    // the descriptor was closed while we listed
                }
            }
        }
        List<Socket> out = new ArrayList<>();
        for (String protocol : List.of("tcp", "tcp6", "udp", "udp6")) {
            Path table = Path.of("/proc", Long.toString(pid), "net", protocol);
            if (!Files.exists(table)) {
                continue;
            }
            Map<String, Socket> byInode = parse(protocol, Files.readAllLines(table));
            for (Map.Entry<String, Socket> e : byInode.entrySet()) {
                if (inodes.contains(e.getKey())) {
                    out.add(e.getValue());
                }
            }
        }
        return out;
    }

    private static Map<String, Socket> parse(String protocol, List<String> lines) throws UnknownHostException {
        Map<String, Socket> out = new HashMap<>();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 10) {
                continue;
            }
            String[] local = f[1].split(":");
            String[] remote = f[2].split(":");
            out.put(f[9], new Socket(protocol, address(local[0]), Integer.parseInt(local[1], 16),
                    address(remote[0]), Integer.parseInt(remote[1], 16), f[3]));
        }
        return out;
    }

    /** The kernel prints each 32-bit word of the address in host (little-endian) byte order. */
    private static InetAddress address(String hex) throws UnknownHostException {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        return InetAddress.getByAddress(bytes);
    }
}
