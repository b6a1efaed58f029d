package clinic.local.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Free ports lie where no outgoing connection can take them, and are never handed out twice. */
class FreePortTest {

    @Test
    void portsLieBelowTheEphemeralRangeAreDistinctAndCanBeListenedOn() throws Exception {
        int ephemeralLow = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim().split("\\s+")[0]);
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int port = FreePort.find();
            assertTrue(port < ephemeralLow, port + " lies in the ephemeral range, which starts at " + ephemeralLow);
            ports.add(port);
        }
        assertEquals(200, ports.size(), "a port was handed out twice");
        int port = FreePort.find();
        try (ServerSocket listener = new ServerSocket(port)) {
            assertEquals(port, listener.getLocalPort());
        }
    }
}
