package dev.faultline.load;

import dev.faultline.load.ResponseParser.MalformedResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The lines of a response (status line, headers, chunk sizes, trailers) as its bytes arrive, for a
 * {@link ResponseParser}: the line found is read where it lies in the bytes read, and copied only when a read splits
 * it. The lines of one section (a head, a chunk-size line, the trailers) may take at most {@code maxBytes} between
 * them, whether or not their end has arrived, so a hostile target cannot make the generator buffer without bound.
 */
final class ResponseLine {
    private final int maxBytes;
    /** A line split across reads, gathered until its end arrives. */
    private final ByteBuf partial = Unpooled.buffer(256);
    private int sectionBytes;
    /** The line found: in {@code buf} from {@code start} up to {@code end}, without its CR LF. */
    private ByteBuf buf;
    private int start;
    private int end;

    ResponseLine(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Forgets everything: a new response follows. */
    void reset() {
        partial.clear();
        startSection();
    }

    /** A new section starts: its lines count towards the bound from zero. */
    void startSection() {
        sectionBytes = 0;
    }

    /**
     * Finds the next whole line and makes it the current one (returns true), or gathers the partial line and
     * returns false when its end has not arrived.
     */
    boolean next(ByteBuf in) throws MalformedResponse {
        int from = in.readerIndex();
        int eol = in.indexOf(from, in.writerIndex(), (byte) '\n');
        int length = eol < 0 ? in.readableBytes() : eol - from + 1;
        sectionBytes += length;
        if (sectionBytes > maxBytes) {
            throw new MalformedResponse("a response head, chunk size or trailer section over " + maxBytes + " bytes");
        }
        if (eol < 0 || partial.isReadable()) {
            partial.writeBytes(in, length);
            if (eol < 0) {
                return false;
            }
            buf = partial;
            start = partial.readerIndex();
            end = partial.writerIndex() - 1;
        } else {
            in.skipBytes(length);
            buf = in;
            start = from;
            end = eol;
        }
        if (end > start && buf.getByte(end - 1) == '\r') {
            end--;
        }
        return true;
    }

    /** The current line has been dealt with (a copy of it can go). */
    void consumed() {
        partial.clear();
    }

    /** Where the current line starts: an index for {@link #byteAt}. */
    int start() {
        return start;
    }

    /** Where the current line ends, without its CR LF (exclusive). */
    int end() {
        return end;
    }

    byte byteAt(int index) {
        return buf.getByte(index);
    }

    /** The index of the first {@code value} in {@code [from, to)} of the current line, or -1. */
    int indexOf(int from, int to, byte value) {
        return buf.indexOf(from, to, value);
    }

    /** Whether {@code [from, to)} of the current line is {@code lower} (lower-case ASCII), ignoring case. */
    boolean is(int from, int to, byte[] lower) {
        if (to - from != lower.length) {
            return false;
        }
        for (int i = 0; i < lower.length; i++) {
            byte b = buf.getByte(from + i);
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != lower[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the current line starts with {@code prefix}, exactly (the caller checked its length). */
    boolean startsWith(byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (buf.getByte(start + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    boolean isDigit(int index) {
        byte b = buf.getByte(index);
        return b >= '0' && b <= '9';
    }

    static boolean isSpace(byte b) {
        return b == ' ' || b == '\t';
    }
}
