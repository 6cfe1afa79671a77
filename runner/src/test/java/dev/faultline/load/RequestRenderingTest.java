package dev.faultline.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.faultline.plan.KeySpace;
import dev.faultline.plan.KeySpace.Distribution;
import dev.faultline.plan.LoadSpec;
import dev.faultline.plan.Rate;
import dev.faultline.plan.RateRamp;
import dev.faultline.plan.RequestSpec;
import dev.faultline.plan.Stage;
import dev.faultline.plan.Template;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequestDecoder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RequestRenderingTest {
    private static final UnpooledByteBufAllocator ALLOC = UnpooledByteBufAllocator.DEFAULT;

    @Test
    void variablesRenderTheArrivalsKeyClientSeqUuidAndRandomNumbers() {
        Variables vars = vars(Distribution.SEQUENTIAL, 3);
        RequestRenderer renderer = renderer(get("/x"));
        Template template = Template.parse("/kv/${key}?c=${client}&n=${seq}&id=${uuid}&r=${random:5:7}");
        for (long seq = 0; seq < 50; seq++) {
            vars.next(seq);
            String text = renderer.render(template, vars);
            assertThat(text).matches("/kv/k" + seq % 1000 + "\\?c=c" + seq % 3 + "&n=" + seq
                    + "&id=[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}&r=[567]");
        }
    }

    @Test
    void oneArrivalUsesTheSameKeyAndUuidEverywhereButDrawsEachRandomAnew() {
        Variables vars = vars(Distribution.UNIFORM, 1);
        RequestRenderer renderer = renderer(get("/x"));
        Set<String> randoms = new HashSet<>();
        vars.next(0);
        String first = renderer.render(Template.parse("${key} ${uuid}"), vars);
        for (int i = 0; i < 20; i++) {
            assertThat(renderer.render(Template.parse("${key} ${uuid}"), vars)).isEqualTo(first);
            randoms.add(renderer.render(Template.parse("${random:1:1000000}"), vars));
        }
        assertThat(randoms).hasSizeGreaterThan(15);
        vars.next(1);
        assertThat(renderer.render(Template.parse("${key} ${uuid}"), vars)).isNotEqualTo(first);
    }

    @Test
    void aRenderedRequestCarriesMethodPathHostClientHeaderHeadersAndBody() {
        RequestSpec put = new RequestSpec("write", 1, "PUT", "/kv/${key}", Map.of("X-Trace", "t-${seq}"),
                "{\"v\":\"${client}\"}", null, null);
        RequestRenderer renderer = new RequestRenderer(put, "127.0.0.1:8080", "/api", "X-Tenant", 2);
        Variables vars = vars(Distribution.SEQUENTIAL, 2);
        vars.next(5);
        FullHttpRequest request = decode(renderer.render(vars, ALLOC));
        try {
            assertThat(request.method()).isEqualTo(HttpMethod.PUT);
            assertThat(request.uri()).isEqualTo("/api/kv/k0");
            assertThat(request.headers().get("Host")).isEqualTo("127.0.0.1:8080");
            assertThat(request.headers().get("X-Tenant")).isEqualTo("c1");
            assertThat(request.headers().get("X-Trace")).isEqualTo("t-5");
            assertThat(request.content().toString(StandardCharsets.UTF_8)).isEqualTo("{\"v\":\"c1\"}");
            assertThat(request.headers().getInt("Content-Length")).isEqualTo(10);
        } finally {
            request.release();
        }
    }

    @Test
    void everyClientsRequestsCarryItsOwnIdentityWhetherItsHeadIsKeptEncodedOrNot() {
        int clients = RequestRenderer.MAX_ENCODED_CLIENTS + 3;
        RequestSpec get = new RequestSpec("r", 1, "GET", "/by/${client}/${key}", Map.of("X-Echo", "${client}"),
                null, null, null);
        RequestRenderer renderer = new RequestRenderer(get, "h:1", "", "X-Client-Id", clients);
        Variables vars = vars(Distribution.SEQUENTIAL, clients);
        for (int round = 0; round < 2; round++) { // the first encodes a client's head, the second reuses it
            for (long client : new long[] {0, 1, clients - 4, clients - 3, clients - 1}) {
                vars.next(7, client);
                FullHttpRequest request = decode(renderer.render(vars, ALLOC));
                try {
                    assertThat(request.uri()).startsWith("/by/c" + client + "/k");
                    assertThat(request.headers().get("X-Client-Id")).isEqualTo("c" + client);
                    assertThat(request.headers().get("X-Echo")).isEqualTo("c" + client);
                } finally {
                    request.release();
                }
            }
        }
    }

    @Test
    void aRequestWhereOnlyTheClientVariesIsEncodedOnceAndSurvivesItsViewsBeingReleased() {
        RequestSpec post = new RequestSpec("post", 1, "POST", "/p", Map.of("X-Echo", "${client}"), "{}", null, null);
        RequestRenderer renderer = new RequestRenderer(post, "h:1", "", "X-Client-Id", 2);
        Variables vars = vars(Distribution.UNIFORM, 2);
        vars.next(1);
        ByteBuf first = renderer.render(vars, ALLOC);
        String text = first.toString(StandardCharsets.US_ASCII);
        first.release();
        vars.next(3);
        ByteBuf again = renderer.render(vars, ALLOC);

        assertThat(again.toString(StandardCharsets.US_ASCII)).isEqualTo(text).contains("X-Echo: c1\r\n")
                .endsWith("Content-Length: 2\r\n\r\n{}");
        assertThat(renderer.lastBody()).isEqualTo("{}");
        again.readerIndex(again.writerIndex()); // a view's indices are its own
        vars.next(5);
        assertThat(renderer.render(vars, ALLOC).readableBytes()).isEqualTo(text.length());
    }

    @Test
    void aGetWithoutBodyHasNoContentLength() {
        ByteBuf bytes = renderer(get("/health")).render(vars(Distribution.UNIFORM, 1), ALLOC);
        assertThat(bytes.toString(StandardCharsets.US_ASCII)).doesNotContainIgnoringCase("content-length");
        FullHttpRequest request = decode(bytes); // (the aggregator adds a Content-Length: 0 of its own)
        assertThat(request.headers().get("X-Client-Id")).isEqualTo("c0");
        request.release();
    }

    @Test
    void theMixPicksRequestsInProportionToTheirWeights() {
        RequestSpec read = new RequestSpec("read", 3, "GET", "/r", null, null, null, null);
        RequestSpec write = new RequestSpec("write", 1, "PUT", "/w", null, null, null, Duration.ofMillis(250));
        LoadSpec load = new LoadSpec(null, List.of(new Stage(Duration.ofSeconds(1), RateRamp.constant(new Rate(1)))),
                null, null, null, null, List.of(read, write), null, null, null);
        RequestMix mix = new RequestMix(load, URI.create("http://127.0.0.1:1"), new SplittableRandom(3));
        int writes = 0;
        for (int i = 0; i < 40_000; i++) {
            writes += mix.choose();
        }
        assertThat(writes / 40_000.0).isCloseTo(0.25, within(0.01));
        Arrival arrival = mix.arrival(1, 0, 1_000L, ALLOC);
        assertThat(arrival.deadlineNanos).isEqualTo(1_000L + 250_000_000L);
        assertThat(mix.name(1)).isEqualTo("write");
        arrival.abandon();
    }

    @Test
    void aLiteralBodyIsSentAsItIsWithItsLengthInBytes() {
        RequestSpec post = new RequestSpec("post", 1, "POST", "/p", null, "hé", null, null);
        RequestRenderer renderer = new RequestRenderer(post, "h:1", "", "X-Client-Id", 2);
        FullHttpRequest request = decode(renderer.render(vars(Distribution.UNIFORM, 1), ALLOC));
        try {
            assertThat(request.headers().getInt("Content-Length")).isEqualTo(3);
            assertThat(request.content().toString(StandardCharsets.UTF_8)).isEqualTo("hé");
            assertThat(renderer.lastBody()).isEqualTo("hé");
        } finally {
            request.release();
        }
    }

    @Test
    void digitsAreWrittenWithoutAString() {
        for (long n : new long[] {0, 7, 10, 99, 100, 123_456_789L, Long.MAX_VALUE, -5, Long.MIN_VALUE}) {
            ByteBuf out = ALLOC.buffer();
            RequestRenderer.writeDigits(out, n);
            assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo(Long.toString(n));
            out.release();
        }
    }

    /** Reads encoded request bytes back with Netty's own request decoder: the bytes are valid HTTP/1.1. */
    private static FullHttpRequest decode(ByteBuf bytes) {
        EmbeddedChannel channel = new EmbeddedChannel(new HttpRequestDecoder(), new HttpObjectAggregator(1 << 20));
        channel.writeInbound(bytes);
        FullHttpRequest request = channel.readInbound();
        assertThat(request).isNotNull();
        assertThat(request.decoderResult().isSuccess()).isTrue();
        channel.finishAndReleaseAll();
        return request;
    }

    private static RequestSpec get(String path) {
        return new RequestSpec("r", 1, "GET", path, null, null, null, null);
    }

    private static RequestRenderer renderer(RequestSpec spec) {
        return new RequestRenderer(spec, "127.0.0.1:1", "", "X-Client-Id", 2);
    }

    private static Variables vars(Distribution distribution, int clients) {
        SplittableRandom random = new SplittableRandom(1);
        return new Variables(KeyChooser.of(new KeySpace(1000L, distribution, null), random.split()), clients, random);
    }
}
