package dev.faultline.cluster.http;

import java.util.regex.Pattern;

/** Validation shared by the config records of the cluster's servers. */
public final class ConfigNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private ConfigNames() {
    }

    /** A server or backend name goes into response headers and thread names, so it is kept to a safe alphabet. */
    public static String requireName(String what, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "'" + what + "' must be 1-64 characters of A-Z, a-z, 0-9, '.', '_' or '-', but is " + quoted(name));
        }
        return name;
    }

    /** A host to listen on, e.g. {@code 127.0.0.1}. */
    public static String requireHost(String host) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("'host' must not be empty, but is " + quoted(host));
        }
        return host;
    }

    /** A TCP port; 0 asks the system for a free one. */
    public static int requirePort(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("'port' must be between 0 and 65535 (0 picks a free port), but is " + port);
        }
        return port;
    }

    private static String quoted(String value) {
        return value == null ? "null" : "'" + value + "'";
    }
}
