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
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns one {@link RequestSpec} into HTTP requests: renders the path, header values and body templates with an
 * arrival's {@link Variables}, and sets Host, the client identity header and Content-Length.
 */
final class RequestRenderer {
    private final HttpMethod method;
    private final String basePath;
    private final Template path;
    private final List<String> headerNames = new ArrayList<>();
    private final List<Template> headerValues = new ArrayList<>();
    private final Template body;
    private final boolean sendsBody;
    private final String host;
    private final String clientHeader;
    private final StringBuilder text = new StringBuilder(128);
    private String lastBody;

    RequestRenderer(RequestSpec spec, String host, String basePath, String clientHeader) {
        this.method = HttpMethod.valueOf(spec.method());
        this.basePath = basePath;
        this.path = Template.parse(spec.path());
        for (Map.Entry<String, String> h : spec.headers().entrySet()) {
            headerNames.add(h.getKey());
            headerValues.add(Template.parse(h.getValue()));
        }
        this.body = spec.body() == null ? null : Template.parse(spec.body());
        this.sendsBody = body != null || List.of("POST", "PUT", "PATCH").contains(spec.method());
        this.host = host;
        this.clientHeader = clientHeader;
    }

    FullHttpRequest render(Variables vars, ByteBufAllocator alloc) {
        String uri = basePath + render(path, vars);
        lastBody = body == null ? null : render(body, vars);
        ByteBuf content = lastBody == null ? Unpooled.EMPTY_BUFFER : ByteBufUtil.writeUtf8(alloc, lastBody);
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri, content);
        HttpHeaders headers = request.headers();
        headers.set(HttpHeaderNames.HOST, host);
        headers.set(clientHeader, vars.client());
        for (int i = 0; i < headerNames.size(); i++) {
            headers.set(headerNames.get(i), render(headerValues.get(i), vars));
        }
        if (sendsBody) {
            headers.setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        }
        return request;
    }

    /** The body of the request rendered last, or null when the request has none. */
    String lastBody() {
        return lastBody;
    }

    /** Renders a template with one arrival's variables. */
    String render(Template template, Variables vars) {
        List<Part> parts = template.parts();
        if (parts.size() == 1 && parts.get(0) instanceof Literal literal) {
            return literal.text();
        }
        text.setLength(0);
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                text.append(literal.text());
            } else {
                Variable v = (Variable) part;
                switch (v.kind()) {
                    case KEY -> text.append(vars.key());
                    case CLIENT -> text.append(vars.client());
                    case SEQ -> text.append(vars.seq());
                    case UUID -> text.append(vars.uuid());
                    case RANDOM -> text.append(vars.random(v.min(), v.max()));
                    default -> throw new IllegalStateException("unknown variable kind " + v.kind());
                }
            }
        }
        return text.toString();
    }
}
