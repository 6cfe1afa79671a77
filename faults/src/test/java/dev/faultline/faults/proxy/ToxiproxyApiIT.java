package dev.faultline.faults.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The HTTP API's exact statuses and JSON shapes, checked with raw requests that send no Content-Type. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ToxiproxyApiIT {

    private FaultProxyServer server;
    private RawApi api;
    private EchoServer echo;

    @BeforeEach
    void start() throws Exception {
        server = FaultProxyServer.start("127.0.0.1", 0);
        api = new RawApi(server);
        echo = new EchoServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        echo.close();
    }

    private JsonNode createProxy(String name) throws Exception {
        RawApi.Answer created = api.post("/proxies",
                "{\"name\":\"" + name + "\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + echo.hostPort() + "\"}");
        assertThat(created.status()).isEqualTo(201);
        return created.json();
    }

    @Test
    void listenOnPortZeroIsRewrittenToTheBoundPort() throws Exception {
        JsonNode proxy = createProxy("echo");

        String listen = proxy.get("listen").asText();
        assertThat(listen).startsWith("127.0.0.1:").isNotEqualTo("127.0.0.1:0");
        assertThat(proxy.get("enabled").asBoolean()).isTrue();
        assertThat(proxy.get("toxics").isArray()).isTrue();
        assertThat(api.get("/proxies/echo").json().get("listen").asText()).isEqualTo(listen);
        try (EchoClient client = EchoClient.connect(listen)) {
            client.roundTrip("hello");
        }
    }

    @Test
    void errorsHaveToxiproxyJsonShape() throws Exception {
        createProxy("echo");
        List<RawApi.Answer> errors = new ArrayList<>();
        errors.add(api.get("/proxies/missing"));
        errors.add(api.post("/proxies", "{\"name\":\"echo\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"x:1\"}"));
        errors.add(api.post("/proxies", "{\"listen\":\"127.0.0.1:0\",\"upstream\":\"x:1\"}"));
        errors.add(api.post("/proxies", "not json"));
        errors.add(api.get("/proxies/echo/toxics/missing"));
        errors.add(api.post("/proxies/echo/toxics", "{\"type\":\"latency\",\"stream\":\"sideways\"}"));

        assertThat(errors).extracting(RawApi.Answer::status).containsExactly(404, 409, 400, 400, 404, 400);
        assertThat(errors.get(0).json().get("error").asText()).isEqualTo("proxy not found");
        assertThat(errors.get(1).json().get("error").asText()).isEqualTo("proxy already exists");
        assertThat(errors.get(2).json().get("error").asText()).isEqualTo("missing required field: name");
        assertThat(errors.get(3).json().get("error").asText()).startsWith("bad request body: ");
        assertThat(errors.get(4).json().get("error").asText()).isEqualTo("toxic not found");
        assertThat(errors.get(5).json().get("error").asText())
                .isEqualTo("stream was invalid, can be either upstream or downstream");
        for (RawApi.Answer error : errors) {
            assertThat(error.json().get("status").asInt()).isEqualTo(error.status());
        }
    }

    @Test
    void unknownToxicTypeIsRejectedListingKnownTypes() throws Exception {
        createProxy("echo");

        RawApi.Answer answer = api.post("/proxies/echo/toxics", "{\"type\":\"down\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asText())
                .startsWith("invalid toxic type")
                .contains("'down'", "latency", "bandwidth", "timeout", "reset_peer");
    }

    @Test
    void toxicDefaultsAndResponsesListEveryAttributeOfTheType() throws Exception {
        createProxy("echo");

        RawApi.Answer created = api.post("/proxies/echo/toxics", "{\"type\":\"latency\",\"attributes\":{\"latency\":5}}");

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().toString()).isEqualTo(
                "{\"attributes\":{\"latency\":5,\"jitter\":0},\"name\":\"latency_downstream\","
                        + "\"type\":\"latency\",\"stream\":\"downstream\",\"toxicity\":1.0}");
        assertThat(api.post("/proxies/echo/toxics", "{\"type\":\"latency\"}").status()).isEqualTo(409);
    }

    @Test
    void everyToxicTypeAnswersWithAllItsAttributesDefaultingToZero() throws Exception {
        createProxy("echo");
        java.util.Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("latency", "{\"latency\":0,\"jitter\":0}");
        expected.put("bandwidth", "{\"rate\":0}");
        expected.put("slow_close", "{\"delay\":0}");
        expected.put("timeout", "{\"timeout\":0}");
        expected.put("reset_peer", "{\"timeout\":0}");
        expected.put("slicer", "{\"average_size\":0,\"size_variation\":0,\"delay\":0}");
        expected.put("limit_data", "{\"bytes\":0}");

        for (var type : expected.entrySet()) {
            RawApi.Answer created = api.post("/proxies/echo/toxics",
                    "{\"type\":\"" + type.getKey() + "\",\"stream\":\"UpStream\",\"toxicity\":0}");
            assertThat(created.status()).as(type.getKey()).isEqualTo(200);
            JsonNode toxic = created.json();
            assertThat(toxic.get("name").asText()).isEqualTo(type.getKey() + "_UpStream");
            assertThat(toxic.get("stream").asText()).isEqualTo("UpStream");
            assertThat(toxic.get("attributes").toString()).as(type.getKey()).isEqualTo(type.getValue());
        }
        assertThat(api.get("/proxies/echo/toxics").json()).hasSize(expected.size());
    }

    @Test
    void leaseExtensionIsShownRenewedAndGivenUp() throws Exception {
        createProxy("echo");

        RawApi.Answer missing = api.get("/proxies/echo/lease");
        RawApi.Answer taken = api.post("/proxies/echo/lease", "{\"ttl_ms\":60000}");
        RawApi.Answer bad = api.post("/proxies/echo/lease", "{\"ttl_ms\":0}");
        RawApi.Answer noProxy = api.post("/proxies/nope/lease", "{\"ttl_ms\":1000}");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("error").asText()).isEqualTo("lease not found");
        assertThat(taken.status()).isEqualTo(200);
        assertThat(taken.json().toString()).isEqualTo("{\"proxy\":\"echo\",\"ttl_ms\":60000}");
        assertThat(api.get("/proxies/echo/lease").json().get("ttl_ms").asLong()).isEqualTo(60000);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(noProxy.status()).isEqualTo(404);
        assertThat(noProxy.json().get("error").asText()).isEqualTo("proxy not found");
        assertThat(api.send("DELETE", "/proxies/echo/lease", null).status()).isEqualTo(204);
        assertThat(api.get("/proxies/echo/lease").status()).isEqualTo(404);
    }

    @Test
    void aLapsedLeaseHealsItsProxy() throws Exception {
        String listen = createProxy("echo").get("listen").asText();
        api.post("/proxies/echo/toxics", "{\"type\":\"timeout\",\"stream\":\"upstream\"}");
        api.post("/proxies/echo", "{\"enabled\":false}");

        api.post("/proxies/echo/lease", "{\"ttl_ms\":200}");

        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        JsonNode proxy = api.get("/proxies/echo").json();
        while (!(proxy.get("enabled").asBoolean() && proxy.get("toxics").isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            proxy = api.get("/proxies/echo").json();
        }
        assertThat(proxy.get("enabled").asBoolean()).isTrue();
        assertThat(proxy.get("toxics")).isEmpty();
        assertThat(api.get("/proxies/echo/lease").status()).isEqualTo(404);
        try (EchoClient client = EchoClient.connect(listen)) {
            client.roundTrip("healed");
        }
    }

    @Test
    void aRenewedLeaseKeepsItsFaults() throws Exception {
        createProxy("echo");
        api.post("/proxies/echo/toxics", "{\"type\":\"latency\",\"attributes\":{\"latency\":5}}");

        for (int i = 0; i < 6; i++) {
            assertThat(api.post("/proxies/echo/lease", "{\"ttl_ms\":400}").status()).isEqualTo(200);
            Thread.sleep(100);
        }

        assertThat(api.get("/proxies/echo").json().get("toxics")).hasSize(1);
    }

    @Test
    void toxicUpdatesMergeIntoTheCurrentAttributes() throws Exception {
        createProxy("echo");
        api.post("/proxies/echo/toxics", "{\"name\":\"slow\",\"type\":\"latency\",\"attributes\":{\"latency\":5,\"jitter\":2}}");

        RawApi.Answer patched = api.send("PATCH", "/proxies/echo/toxics/slow", "{\"attributes\":{\"latency\":9}}");
        RawApi.Answer toxicity = api.post("/proxies/echo/toxics/slow", "{\"toxicity\":0.5}");

        assertThat(patched.json().get("attributes").toString()).isEqualTo("{\"latency\":9,\"jitter\":2}");
        assertThat(toxicity.json().get("toxicity").asDouble()).isEqualTo(0.5);
        assertThat(toxicity.json().get("attributes").get("latency").asLong()).isEqualTo(9);
    }

    @Test
    void proxiesAreListedAsAnObjectSortedByName() throws Exception {
        assertThat(api.get("/proxies").body().trim()).isEqualTo("{}");
        createProxy("b");
        createProxy("a");

        JsonNode all = api.get("/proxies").json();

        List<String> names = new ArrayList<>();
        all.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("a", "b");
        assertThat(api.get("/proxies/a/toxics").body().trim()).isEqualTo("[]");
    }

    @Test
    void deleteAnswers204WithAnEmptyBodyAndClosesTheListener() throws Exception {
        String listen = createProxy("echo").get("listen").asText();

        RawApi.Answer deleted = api.send("DELETE", "/proxies/echo", null);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(api.get("/proxies/echo").status()).isEqualTo(404);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EchoClient.connect(listen))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void resetRemovesAllToxicsAndReenablesProxies() throws Exception {
        createProxy("a");
        createProxy("b");
        api.post("/proxies/a/toxics", "{\"type\":\"latency\",\"attributes\":{\"latency\":1000}}");
        api.post("/proxies/b/toxics", "{\"type\":\"timeout\",\"stream\":\"upstream\"}");
        api.post("/proxies/b", "{\"enabled\":false}");

        RawApi.Answer reset = api.post("/reset", null);

        assertThat(reset.status()).isEqualTo(204);
        assertThat(reset.body()).isEmpty();
        assertThat(api.get("/proxies/a/toxics").body().trim()).isEqualTo("[]");
        assertThat(api.get("/proxies/b/toxics").body().trim()).isEqualTo("[]");
        JsonNode b = api.get("/proxies/b").json();
        assertThat(b.get("enabled").asBoolean()).isTrue();
        try (EchoClient client = EchoClient.connect(b.get("listen").asText())) {
            client.roundTrip("back");
        }
    }

    @Test
    void populateCreatesProxiesAndLeavesUnchangedOnesAlone() throws Exception {
        String body = "[{\"name\":\"p1\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + echo.hostPort() + "\"}]";

        RawApi.Answer populated = api.post("/populate", body);
        RawApi.Answer missing = api.post("/populate", "[{\"name\":\"ok\",\"upstream\":\"x:1\"},{\"upstream\":\"x:1\"}]");

        assertThat(populated.status()).isEqualTo(201);
        assertThat(populated.json().get("proxies").get(0).get("name").asText()).isEqualTo("p1");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("error").asText()).isEqualTo("missing required field: name at proxy 2");
        assertThat(api.get("/proxies/ok").status()).isEqualTo(404);
    }

    @Test
    void versionIsJsonAndUnknownPathsAre404() throws Exception {
        RawApi.Answer version = api.get("/version");

        assertThat(version.status()).isEqualTo(200);
        assertThat(version.json().get("version").asText()).isEqualTo(ToxiproxyApi.VERSION);
        assertThat(api.get("/nothing/here").status()).isEqualTo(404);
        assertThat(api.send("PUT", "/proxies", "{}").status()).isEqualTo(405);
    }
}
