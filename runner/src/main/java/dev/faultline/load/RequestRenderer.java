package dev.faultline.load;

import dev.faultline.plan.RequestSpec;
import dev.faultline.plan.Template;
import dev.faultline.plan.Template.Literal;
import dev.faultline.plan.Template.Part;
import dev.faultline.plan.Template.Variable;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns one {@link RequestSpec} into the bytes of HTTP/1.1 requests: the request line, Host, the client identity
 * header, the spec's headers, Content-Length when there is a body, and the body, with the path, header values and body
 * templates rendered with an arrival's {@link Variables}. What does not vary is encoded once, when the renderer is
 * made; a request then costs one buffer and the variables' digits, not a header map and an encoder pass. What varies
 * only with the client (the identity header, any other {@code ${client}}) is encoded once per client, on the client's
 * first request: a request whose other parts are literal is then one copy of its client's head.
 */
final class RequestRenderer {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] CONTENT_LENGTH = "Content-Length: ".getBytes(StandardCharsets.US_ASCII);
    /** The most clients whose heads are kept encoded (a few hundred bytes each); the rest are encoded per request. */
    static final int MAX_ENCODED_CLIENTS = 4096;

    /** The head up to the Content-Length line: {@code byte[]} literals and {@link Variable}s, in order. */
    private final Object[] head;
    /** Per client number below {@link #MAX_ENCODED_CLIENTS}: {@link #head} with its client variables encoded in. */
    private final Object[][] headOfClient;
    /**
     * Per client number below {@link #MAX_ENCODED_CLIENTS}, when nothing but the client varies (no other variable, a
     * literal body or none): the whole request, encoded on the client's first request into a direct buffer that is
     * never released; every request is then a view of it (no buffer to allocate, nothing to copy). Null otherwise.
     */
    private final ByteBuf[] requestOfClient;
    private final int headLiteralBytes;
    private final boolean headRequest;
    private final Template body;
    private final byte[] literalBody;
    private final String literalBodyText;
    private final boolean sendsBody;
    private final StringBuilder text = new StringBuilder(128);
    private String lastBody;

    RequestRenderer(RequestSpec spec, String host, String basePath, String clientHeader, int clients) {
        Parts parts = new Parts();
        parts.literal(spec.method() + " " + basePath);
        parts.template(Template.parse(spec.path()));
        parts.literal(" HTTP/1.1\r\nHost: " + host + "\r\n" + clientHeader + ": ");
        parts.variable(new Variable(Template.Kind.CLIENT, 0, 0));
        parts.literal("\r\n");
        for (Map.Entry<String, String> h : spec.headers().entrySet()) {
            parts.literal(h.getKey() + ": ");
            parts.template(Template.parse(h.getValue()));
            parts.literal("\r\n");
        }
        this.head = parts.toArray();
        this.headOfClient = new Object[Math.min(clients, MAX_ENCODED_CLIENTS)][];
        this.headLiteralBytes = parts.literalBytes;
        this.headRequest = "HEAD".equals(spec.method());
        this.body = spec.body() == null ? null : Template.parse(spec.body());
        this.literalBody = body != null && isLiteral(body) ? spec.body().getBytes(StandardCharsets.UTF_8) : null;
        this.literalBodyText = literalBody == null ? null : spec.body();
        this.sendsBody = body != null || List.of("POST", "PUT", "PATCH").contains(spec.method());
        boolean onlyClientVaries = Arrays.stream(head).noneMatch(p -> p instanceof Variable v && v.kind() != Template.Kind.CLIENT)
                && (body == null || literalBody != null);
        this.requestOfClient = onlyClientVaries ? new ByteBuf[headOfClient.length] : null;
    }

    /** Whether the request is a HEAD, whose response has no body whatever its headers say. */
    boolean isHead() {
        return headRequest;
    }

    /**
     * One request's bytes, which the caller then owns: a new buffer of {@code alloc}, or a view of the client's
     * request encoded once (whose release does nothing).
     */
    ByteBuf render(Variables vars, ByteBufAllocator alloc) {
        long client = vars.clientNumber();
        if (requestOfClient == null || client >= requestOfClient.length) {
            return encode(vars, alloc);
        }
        ByteBuf request = requestOfClient[(int) client];
        if (request == null) {
            ByteBuf encoded = encode(vars, alloc);
            ByteBuffer direct = ByteBuffer.allocateDirect(encoded.readableBytes());
            encoded.readBytes(direct);
            encoded.release();
            request = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(direct.flip()));
            requestOfClient[(int) client] = request;
        }
        lastBody = literalBodyText;
        return request.duplicate();
    }

    /** Encodes one request into a new buffer of {@code alloc}. */
    private ByteBuf encode(Variables vars, ByteBufAllocator alloc) {
        byte[] content = null;
        if (body == null) {
            lastBody = null;
        } else if (literalBody != null) {
            lastBody = literalBodyText;
            content = literalBody;
        } else {
            lastBody = render(body, vars);
            content = lastBody.getBytes(StandardCharsets.UTF_8);
        }
        int length = content == null ? 0 : content.length;
        ByteBuf out = alloc.buffer(headLiteralBytes + 64 + length);
        for (Object piece : headOf(vars.clientNumber())) {
            if (piece instanceof byte[] bytes) {
                out.writeBytes(bytes);
            } else {
                write(out, (Variable) piece, vars);
            }
        }
        if (sendsBody) {
            out.writeBytes(CONTENT_LENGTH);
            writeDigits(out, length);
            out.writeBytes(CRLF);
        }
        out.writeBytes(CRLF);
        if (content != null) {
            out.writeBytes(content);
        }
        return out;
    }

    /** The head's pieces for one client: encoded on the client's first request, kept if there are not too many. */
    private Object[] headOf(long client) {
        if (client >= headOfClient.length) {
            return head;
        }
        Object[] pieces = headOfClient[(int) client];
        if (pieces == null) {
            Parts parts = new Parts();
            for (Object piece : head) {
                if (piece instanceof Variable v && v.kind() == Template.Kind.CLIENT) {
                    parts.literal("c" + client);
                } else if (piece instanceof Variable v) {
                    parts.variable(v);
                } else {
                    parts.literal((byte[]) piece);
                }
            }
            pieces = parts.toArray();
            headOfClient[(int) client] = pieces;
        }
        return pieces;
    }

    /** The body of the request rendered last, or null when the request has none. */
    String lastBody() {
        return lastBody;
    }

    /** Renders a template with one arrival's variables. */
    String render(Template template, Variables vars) {
        List<Part> parts = template.parts();
        if (isLiteral(template)) {
            return parts.isEmpty() ? "" : ((Literal) parts.get(0)).text();
        }
        text.setLength(0);
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                text.append(literal.text());
            } else {
                Variable v = (Variable) part;
                switch (v.kind()) {
                    case KEY -> text.append('k').append(vars.keyNumber());
                    case CLIENT -> text.append('c').append(vars.clientNumber());
                    case SEQ -> text.append(vars.seq());
                    case UUID -> text.append(vars.uuid());
                    case RANDOM -> text.append(vars.random(v.min(), v.max()));
                    default -> throw new IllegalStateException("unknown variable kind " + v.kind());
                }
            }
        }
        return text.toString();
    }

    private static void write(ByteBuf out, Variable v, Variables vars) {
        switch (v.kind()) {
            case KEY -> writeDigits(out.writeByte('k'), vars.keyNumber());
            case CLIENT -> writeDigits(out.writeByte('c'), vars.clientNumber());
            case SEQ -> writeDigits(out, vars.seq());
            case UUID -> ByteBufUtil.writeAscii(out, vars.uuid());
            case RANDOM -> writeDigits(out, vars.random(v.min(), v.max()));
            default -> throw new IllegalStateException("unknown variable kind " + v.kind());
        }
    }

    /** Writes a number in decimal ASCII without making a String of it. */
    static void writeDigits(ByteBuf out, long value) {
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                ByteBufUtil.writeAscii(out, Long.toString(value));
                return;
            }
            out.writeByte('-');
            value = -value;
        }
        long scale = 1;
        while (scale <= value / 10) {
            scale *= 10;
        }
        for (; scale > 0; scale /= 10) {
            out.writeByte((int) ('0' + value / scale % 10));
        }
    }

    private static boolean isLiteral(Template template) {
        return template.parts().stream().allMatch(p -> p instanceof Literal);
    }

    /** Collects the head's pieces, joining adjacent literal text into one byte array. */
    private static final class Parts {
        private final List<Object> pieces = new ArrayList<>();
        private final ByteArrayOutputStream literal = new ByteArrayOutputStream();
        private int literalBytes;

        void literal(String text) {
            literal.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }

        void literal(byte[] bytes) {
            literal.writeBytes(bytes);
        }

        void variable(Variable variable) {
            endLiteral();
            pieces.add(variable);
        }

        void template(Template template) {
            for (Part part : template.parts()) {
                if (part instanceof Literal l) {
                    literal(l.text());
                } else {
                    variable((Variable) part);
                }
            }
        }

        Object[] toArray() {
            endLiteral();
            return pieces.toArray();
        }

        private void endLiteral() {
            if (literal.size() > 0) {
                byte[] bytes = literal.toByteArray();
                pieces.add(bytes);
                literalBytes += bytes.length;
                literal.reset();
            }
        }
    }
}
