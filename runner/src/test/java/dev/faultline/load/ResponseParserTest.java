package dev.faultline.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.load.ResponseParser.MalformedResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseParserTest {
    private static final String CHUNKED = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;name=value;x=\"y\"\r\nhello\r\n"
            + "1 ; spaced\r\n,\r\n"
            + "A\r\n0123456789\r\n"
            + "0\r\nExpires: never\r\nX-Trailer: 1\r\n\r\n";

    /** The outcome of parsing one response: null status when it never completed. */
    record Parsed(Integer status, boolean keepAlive, String body, int unread) {
    }

    @Test
    void aContentLengthResponseEndsAfterItsBody() throws Exception {
        Parsed p = parse(false, true, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nServer: x\r\n\r\nhello");

        assertThat(p).isEqualTo(new Parsed(200, true, "hello", 0));
    }

    @Test
    void headerNamesAreMatchedWithoutRegardToCase() throws Exception {
        Parsed p = parse(false, true, "HTTP/1.1 200 OK\r\ncOnTeNt-LeNgTh:3\r\nCONNECTION: Close\r\n\r\nabc");

        assertThat(p).isEqualTo(new Parsed(200, false, "abc", 0));
    }

    @Test
    void aChunkedBodyWithExtensionsAndTrailersIsSkippedToItsEnd() throws Exception {
        Parsed p = parse(false, true, CHUNKED);

        assertThat(p).isEqualTo(new Parsed(200, true, "hello,0123456789", 0));
    }

    @Test
    void chunkedOverridesAContentLength() throws Exception {
        Parsed p = parse(false, false, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
                + "3\r\nabc\r\n0\r\n\r\n");

        assertThat(p).isEqualTo(new Parsed(200, true, null, 0));
    }

    @Test
    void aResponseSplitAtEveryByteOffsetIsParsedTheSame() throws Exception {
        for (String response : new String[] {CHUNKED, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"}) {
            Parsed whole = parse(false, true, response);
            for (int cut = 1; cut < response.length(); cut++) {
                assertThat(parse(false, true, response.substring(0, cut), response.substring(cut)))
                        .as("split at %d", cut).isEqualTo(whole);
            }
        }
    }

    @Test
    void aResponseFedOneByteAtATimeIsParsedOnce() throws Exception {
        String[] bytes = CHUNKED.split("");

        assertThat(parse(false, true, bytes)).isEqualTo(new Parsed(200, true, "hello,0123456789", 0));
    }

    @Test
    void theResponseToAHeadHasNoBodyWhateverItsContentLength() throws Exception {
        Parsed p = parse(true, true, "HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n");

        assertThat(p).isEqualTo(new Parsed(200, true, "", 0));
    }

    @Test
    void noContentAndNotModifiedHaveNoBody() throws Exception {
        assertThat(parse(false, false, "HTTP/1.1 204 No Content\r\n\r\n")).isEqualTo(new Parsed(204, true, null, 0));
        assertThat(parse(false, false, "HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n"))
                .isEqualTo(new Parsed(304, true, null, 0));
    }

    @Test
    void interimResponsesAreSkippedForTheFinalOne() throws Exception {
        Parsed p = parse(false, false, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                + "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");

        assertThat(p).isEqualTo(new Parsed(201, true, null, 0));
    }

    @Test
    void aBodyWithoutLengthOrChunkingRunsUntilTheConnectionCloses() throws Exception {
        ResponseParser parser = new ResponseParser();
        parser.start(false, true);

        assertThat(parser.parse(bytes("HTTP/1.1 200 OK\r\nServer: x\r\n\r\npart one,"))).isFalse();
        assertThat(parser.parse(bytes(" part two"))).isFalse();
        assertThat(parser.endOfInput()).isTrue();
        assertThat(parser.body()).isEqualTo("part one, part two");
        assertThat(parser.keepAlive()).isFalse();
    }

    @Test
    void aCloseBeforeTheEndOfAFramedBodyDoesNotCompleteIt() throws Exception {
        ResponseParser parser = new ResponseParser();
        parser.start(false, false);

        assertThat(parser.parse(bytes("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"))).isFalse();
        assertThat(parser.endOfInput()).isFalse();
    }

    @Test
    void http10KeepsTheConnectionOnlyWhenAskedTo() throws Exception {
        assertThat(parse(false, false, "HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n").keepAlive()).isFalse();
        assertThat(parse(false, false, "HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n")
                .keepAlive()).isTrue();
    }

    @Test
    void onlyTheBodyOfA200IsKept() throws Exception {
        assertThat(parse(false, true, "HTTP/1.1 404 Not Found\r\nContent-Length: 4\r\n\r\nnope").body()).isNull();
    }

    @Test
    void bytesAfterTheResponseAreLeftUnread() throws Exception {
        Parsed p = parse(false, false, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\n");

        assertThat(p).isEqualTo(new Parsed(200, true, null, 17));
    }

    @Test
    void theParserIsReusedForTheNextResponse() throws Exception {
        ResponseParser parser = new ResponseParser();
        parser.start(false, false);
        assertThat(parser.parse(bytes("HTTP/1.1 500 Oops\r\nConnection: close\r\nContent-Length: 1\r\n\r\nx"))).isTrue();
        parser.start(false, false);

        assertThat(parser.parse(bytes("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"))).isTrue();
        assertThat(parser.status()).isEqualTo(200);
        assertThat(parser.keepAlive()).isTrue();
    }

    @Test
    void aMalformedStatusLineIsRejected() {
        for (String statusLine : new String[] {"HTTP/2 200 OK", "HTTP/1.1 20 OK", "HTTP/1.1 2000 OK", "ICY 200 OK",
                "HTTP/1.1 abc OK", ""}) {
            assertThatThrownBy(() -> parse(false, false, statusLine + "\r\nContent-Length: 0\r\n\r\n"))
                    .as(statusLine).isInstanceOf(MalformedResponse.class);
        }
    }

    @Test
    void malformedFramingIsRejected() {
        for (String response : new String[] {"HTTP/1.1 200 OK\r\nContent-Length: 12a\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
                "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n"}) {
            assertThatThrownBy(() -> parse(false, false, response)).as(response).isInstanceOf(MalformedResponse.class);
        }
    }

    @Test
    void aHeadOverTheBoundIsRejectedBeforeItEnds() {
        ResponseParser parser = new ResponseParser();
        parser.start(false, false);
        String header = "X-Big: " + "a".repeat(1000) + "\r\n";

        assertThatThrownBy(() -> {
            parser.parse(bytes("HTTP/1.1 200 OK\r\n"));
            for (int i = 0; i < 100; i++) {
                parser.parse(bytes(header));
            }
        }).isInstanceOf(MalformedResponse.class).hasMessageContaining("65536");
    }

    @Test
    void aLineWithoutItsEndIsBoundedToo() {
        ResponseParser parser = new ResponseParser();
        parser.start(false, false);

        assertThatThrownBy(() -> {
            for (int i = 0; i < 100; i++) {
                parser.parse(bytes("x".repeat(1000)));
            }
        }).isInstanceOf(MalformedResponse.class);
    }

    private static Parsed parse(boolean head, boolean keepBody, String... reads) throws MalformedResponse {
        ResponseParser parser = new ResponseParser();
        parser.start(head, keepBody);
        for (int i = 0; i < reads.length; i++) {
            ByteBuf in = bytes(reads[i]);
            if (parser.parse(in)) {
                int unread = in.readableBytes();
                for (int j = i + 1; j < reads.length; j++) {
                    unread += reads[j].length();
                }
                return new Parsed(parser.status(), parser.keepAlive(), parser.body(), unread);
            }
        }
        return new Parsed(null, false, null, 0);
    }

    private static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
    }
}
