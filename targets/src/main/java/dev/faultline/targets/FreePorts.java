package dev.faultline.targets;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Free ports on a host, picked by binding port 0 and letting go, all sockets held until every port is known so the
 * same port is never given twice. Another program may still take one before it is used; the component's start then
 * fails and says which port.
 */
final class FreePorts {
    private FreePorts() {
    }

    static Map<String, Integer> pick(String host, List<String> names) {
        List<ServerSocket> held = new ArrayList<>();
        Map<String, Integer> ports = new LinkedHashMap<>();
        try {
            for (String name : names) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host));
                held.add(socket);
                ports.put(name, socket.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new TargetStartException("no free port on " + host + ": " + e.getMessage(), e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // a socket that will not close holds nothing we need
                }
            }
        }
    }
}
