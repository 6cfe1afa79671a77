package dev.faultline.cluster.launch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Socket addresses as {@code "host:port"} text, read back resolved (Jackson's own reading leaves them unresolved,
 * which a record's {@code equals} and a plain socket connect both dislike).
 */
final class SocketAddressJson {
    private SocketAddressJson() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("socket-addresses");
        module.addSerializer(InetSocketAddress.class, new Writer());
        module.addDeserializer(InetSocketAddress.class, new Reader());
        return module;
    }

    /** Parses {@code host:port} or {@code [v6-host]:port}. */
    static InetSocketAddress parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("an address must be host:port, not '" + text + "'");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("an address must end in a port number, not '" + text + "'", e);
        }
        return new InetSocketAddress(host, port);
    }

    static String format(InetSocketAddress address) {
        String host = address.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    private static final class Writer extends StdScalarSerializer<InetSocketAddress> {
        private static final long serialVersionUID = 1L;

        Writer() {
            super(InetSocketAddress.class);
        }

        @Override
        public void serialize(InetSocketAddress value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(format(value));
        }
    }

    private static final class Reader extends StdScalarDeserializer<InetSocketAddress> {
        private static final long serialVersionUID = 1L;

        Reader() {
            super(InetSocketAddress.class);
        }

        @Override
        public InetSocketAddress deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return parse(p.getValueAsString());
        }
    }
}
