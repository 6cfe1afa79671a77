package dev.faultline.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads one HTTP/1.1 response at a time from a connection's bytes as they arrive, in any split: the status code, the
 * three headers that frame it (Content-Length, Transfer-Encoding, Connection; names matched without regard to case,
 * every other header skipped unread) and the body, skipped by counting its bytes: Content-Length, chunked (sizes,
 * extensions and trailers) or, when neither is given, everything until the connection closes. The response to a HEAD,
 * and a 1xx, 204 or 304, has no body; an interim 1xx (not 101) is skipped and the final response read after it.
 * Only a set workload's successful read keeps its body ({@code keepBodyIfOk} and status 200).
 *
 * <p>{@link #parse} stops at the end of the response and leaves any bytes after it unread: the generator sends one
 * request at a time, so bytes after a response were not asked for, and its connection treats them as out of step.
 * Its {@link ResponseLine} copies a line (status line, header, chunk size, trailer) only when a read splits it; a head
 * (or a chunk-size line, or the trailers) over {@link #MAX_HEAD_BYTES} is malformed: a hostile target cannot make the
 * generator buffer without bound. Not thread-safe: one per connection, on its event loop.
 */
final class ResponseParser {
    /** The most bytes a response head, a chunk-size line or a trailer section may take. */
    static final int MAX_HEAD_BYTES = 64 * 1024;

    private static final byte[] HTTP_1 = "HTTP/1.".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_LENGTH = "content-length".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRANSFER_ENCODING = "transfer-encoding".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECTION = "connection".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED = "chunked".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "close".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEEP_ALIVE = "keep-alive".getBytes(StandardCharsets.US_ASCII);

    private enum State { STATUS_LINE, HEADERS, FIXED_BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, UNTIL_CLOSE, DONE }

    private final ResponseLine line = new ResponseLine(MAX_HEAD_BYTES);
    private State state = State.DONE;
    private boolean headRequest;
    private boolean keepBodyIfOk;
    private int status;
    private boolean http10;
    private long contentLength;
    private boolean transferEncoding;
    private boolean chunked;
    private boolean connectionClose;
    private boolean connectionKeepAlive;
    private boolean keepAlive;
    private long remaining;
    private ByteArrayOutputStream body;

    /** A response that does not follow HTTP/1.1 closely enough to be framed, or whose head is too large. */
    static final class MalformedResponse extends Exception {
        MalformedResponse(String message) {
            super(message, null, false, false);
        }
    }

    /** Expects the response to a new request: a HEAD's has no body; {@code keepBodyIfOk} keeps a 200's body. */
    void start(boolean headRequest, boolean keepBodyIfOk) {
        this.headRequest = headRequest;
        this.keepBodyIfOk = keepBodyIfOk;
        this.body = null;
        this.keepAlive = false;
        line.reset();
        startHead();
    }

    /**
     * Reads what {@code in} holds of the response: returns true once it is complete (any bytes after it left unread),
     * false when more is needed (everything read).
     */
    boolean parse(ByteBuf in) throws MalformedResponse {
        while (state != State.DONE) {
            if (!step(in)) {
                return false;
            }
        }
        return true;
    }

    /** The connection closed: returns whether that completes the response (a body that runs until the close). */
    boolean endOfInput() {
        if (state == State.UNTIL_CLOSE) {
            state = State.DONE;
            return true;
        }
        return false;
    }

    int status() {
        return status;
    }

    /** Whether the connection can carry another request after this (complete) response. */
    boolean keepAlive() {
        return keepAlive;
    }

    /** The body of a 200 response when it was asked to be kept, else null. */
    String body() {
        return body == null ? null : body.toString(StandardCharsets.UTF_8);
    }

    /** One step of the state machine: returns false when it needs more bytes. */
    private boolean step(ByteBuf in) throws MalformedResponse {
        switch (state) {
            case FIXED_BODY, CHUNK_DATA -> {
                int n = (int) Math.min(remaining, in.readableBytes());
                skipBody(in, n);
                remaining -= n;
                if (remaining > 0) {
                    return false;
                }
                state = state == State.FIXED_BODY ? State.DONE : State.CHUNK_END;
                return true;
            }
            case UNTIL_CLOSE -> {
                skipBody(in, in.readableBytes());
                return false;
            }
            default -> {
                if (!line.next(in)) {
                    return false;
                }
                switch (state) {
                    case STATUS_LINE -> statusLine();
                    case HEADERS -> header();
                    case CHUNK_SIZE -> chunkSize();
                    case CHUNK_END -> chunkEnd();
                    case TRAILERS -> trailer();
                    default -> throw new IllegalStateException("no line expected in state " + state);
                }
                line.consumed();
                return true;
            }
        }
    }

    private void startHead() {
        state = State.STATUS_LINE;
        line.startSection();
        status = 0;
        contentLength = -1;
        transferEncoding = false;
        chunked = false;
        connectionClose = false;
        connectionKeepAlive = false;
    }

    /** {@code HTTP/1.x SP 3DIGIT [SP reason]}. */
    private void statusLine() throws MalformedResponse {
        int at = line.start();
        int n = line.end() - at;
        if (n < 12 || !line.startsWith(HTTP_1) || !line.isDigit(at + 7) || line.byteAt(at + 8) != ' '
                || !line.isDigit(at + 9) || !line.isDigit(at + 10) || !line.isDigit(at + 11)
                || (n > 12 && line.byteAt(at + 12) != ' ')) {
            throw new MalformedResponse("not an HTTP/1.x status line");
        }
        http10 = line.byteAt(at + 7) == '0';
        status = (line.byteAt(at + 9) - '0') * 100 + (line.byteAt(at + 10) - '0') * 10 + (line.byteAt(at + 11) - '0');
        state = State.HEADERS;
    }

    private void header() throws MalformedResponse {
        if (line.start() == line.end()) {
            endOfHead();
            return;
        }
        byte first = line.byteAt(line.start());
        if (first == ' ' || first == '\t') {
            return; // an obsolete folded continuation: none of the framing headers is read from one
        }
        int colon = line.indexOf(line.start(), line.end(), (byte) ':');
        if (colon <= line.start()) {
            throw new MalformedResponse("a header line without a name and a colon");
        }
        int valueStart = colon + 1;
        int valueEnd = line.end();
        while (valueStart < valueEnd && ResponseLine.isSpace(line.byteAt(valueStart))) {
            valueStart++;
        }
        while (valueEnd > valueStart && ResponseLine.isSpace(line.byteAt(valueEnd - 1))) {
            valueEnd--;
        }
        if (line.is(line.start(), colon, CONTENT_LENGTH)) {
            long length = contentLength(valueStart, valueEnd);
            if (contentLength >= 0 && contentLength != length) {
                throw new MalformedResponse("two different Content-Lengths");
            }
            contentLength = length;
        } else if (line.is(line.start(), colon, TRANSFER_ENCODING)) {
            transferEncoding = true;
            chunked = lastToken(valueStart, valueEnd, CHUNKED);
        } else if (line.is(line.start(), colon, CONNECTION)) {
            connectionTokens(valueStart, valueEnd);
        }
    }

    private void endOfHead() {
        if (status >= 100 && status < 200 && status != 101) {
            startHead(); // an interim response: the final one follows
            return;
        }
        keepAlive = !connectionClose && (!http10 || connectionKeepAlive) && status != 101;
        if (keepBodyIfOk && status == 200) {
            body = new ByteArrayOutputStream();
        }
        if (headRequest || status == 204 || status == 304 || status == 101) {
            state = State.DONE;
        } else if (transferEncoding) { // it overrides a Content-Length
            state = chunked ? State.CHUNK_SIZE : State.UNTIL_CLOSE;
            line.startSection();
        } else if (contentLength >= 0) {
            remaining = contentLength;
            state = contentLength == 0 ? State.DONE : State.FIXED_BODY;
        } else {
            state = State.UNTIL_CLOSE;
        }
        if (state == State.UNTIL_CLOSE) {
            keepAlive = false;
        }
    }

    /** {@code 1*HEXDIG [BWS ; extensions]}. */
    private void chunkSize() throws MalformedResponse {
        long size = 0;
        int i = line.start();
        for (; i < line.end(); i++) {
            int digit = Character.digit(line.byteAt(i), 16);
            if (digit < 0) {
                break;
            }
            if (i - line.start() >= 15) {
                throw new MalformedResponse("a chunk size over 15 hex digits");
            }
            size = size * 16 + digit;
        }
        if (i == line.start() || (i < line.end() && line.byteAt(i) != ';' && !ResponseLine.isSpace(line.byteAt(i)))) {
            throw new MalformedResponse("not a chunk size");
        }
        line.startSection();
        if (size == 0) {
            state = State.TRAILERS;
        } else {
            remaining = size;
            state = State.CHUNK_DATA;
        }
    }

    private void chunkEnd() throws MalformedResponse {
        if (line.start() != line.end()) {
            throw new MalformedResponse("a chunk longer than its size");
        }
        line.startSection();
        state = State.CHUNK_SIZE;
    }

    private void trailer() {
        if (line.start() == line.end()) {
            state = State.DONE;
        }
    }

    private void skipBody(ByteBuf in, int n) {
        if (body != null && n > 0) {
            body.writeBytes(ByteBufUtil.getBytes(in, in.readerIndex(), n));
        }
        in.skipBytes(n);
    }

    private long contentLength(int start, int end) throws MalformedResponse {
        if (start == end || end - start > 18) {
            throw new MalformedResponse("not a Content-Length");
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            if (!line.isDigit(i)) {
                throw new MalformedResponse("not a Content-Length");
            }
            value = value * 10 + line.byteAt(i) - '0';
        }
        return value;
    }

    private void connectionTokens(int start, int end) {
        int tokenStart = start;
        for (int i = start; i <= end; i++) {
            if (i == end || line.byteAt(i) == ',') {
                int s = tokenStart;
                int e = i;
                while (s < e && ResponseLine.isSpace(line.byteAt(s))) {
                    s++;
                }
                while (e > s && ResponseLine.isSpace(line.byteAt(e - 1))) {
                    e--;
                }
                connectionClose |= line.is(s, e, CLOSE);
                connectionKeepAlive |= line.is(s, e, KEEP_ALIVE);
                tokenStart = i + 1;
            }
        }
    }

    /** Whether the last comma-separated token of {@code [start, end)} is {@code lower}, ignoring case. */
    private boolean lastToken(int start, int end, byte[] lower) {
        int s = end;
        while (s > start && line.byteAt(s - 1) != ',') {
            s--;
        }
        while (s < end && ResponseLine.isSpace(line.byteAt(s))) {
            s++;
        }
        return line.is(s, end, lower);
    }
}
