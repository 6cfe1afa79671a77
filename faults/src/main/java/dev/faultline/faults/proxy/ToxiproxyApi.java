package dev.faultline.faults.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Toxiproxy HTTP API: routes a request to the proxies and answers in Toxiproxy's shapes. */
final class ToxiproxyApi {

    static final String VERSION = "2.12.0";

    private final ProxyCollection proxies;
    private final ProxyLeases leases;

    ToxiproxyApi(ProxyCollection proxies, ProxyLeases leases) {
        this.proxies = proxies;
        this.leases = leases;
    }

    /** Answers one request; {@code segments} is the decoded path split on '/'. */
    ApiResponse handle(String method, List<String> segments, byte[] body) {
        try {
            return route(method, segments, body);
        } catch (ApiException e) {
            return ApiResponse.json(e.status(), ApiJson.error(e).toString());
        } catch (RuntimeException e) {
            return ApiResponse.json(500, ApiJson.error(new ApiException(500, String.valueOf(e.getMessage()))).toString());
        }
    }

    private ApiResponse route(String method, List<String> path, byte[] body) {
        String first = path.isEmpty() ? "" : path.get(0);
        switch (path.size() + ":" + first) {
            case "1:version":
                return only(method, "GET") ? ApiResponse.json(200, "{\"version\": \"" + VERSION + "\"}") : notAllowed();
            case "1:reset":
                return only(method, "POST") ? reset() : notAllowed();
            case "1:populate":
                return only(method, "POST") ? populate(body) : notAllowed();
            case "1:proxies":
                return method.equals("GET") ? listProxies() : method.equals("POST") ? createProxy(body) : notAllowed();
            case "2:proxies":
                return proxy(method, path.get(1), body);
            case "3:proxies":
                return switch (path.get(2)) {
                    case "toxics" -> toxics(method, path.get(1), body);
                    case "lease" -> lease(method, path.get(1), body);
                    default -> notFound();
                };
            case "4:proxies":
                return path.get(2).equals("toxics") ? toxic(method, path.get(1), path.get(3), body) : notFound();
            default:
                return notFound();
        }
    }

    private ApiResponse listProxies() {
        ObjectNode all = ApiJson.MAPPER.createObjectNode();
        proxies.all().forEach(proxy -> all.set(proxy.name(), ApiJson.proxy(proxy)));
        return ApiResponse.json(200, all.toString());
    }

    private ApiResponse createProxy(byte[] body) {
        FaultProxy created = proxies.create(proxyRequest(ApiJson.parseObject(body)));
        return ApiResponse.json(201, ApiJson.proxy(created).toString());
    }

    private ApiResponse proxy(String method, String name, byte[] body) {
        switch (method) {
            case "GET":
                return ApiResponse.json(200, ApiJson.proxy(proxies.get(name)).toString());
            case "POST":
            case "PATCH":
                proxies.get(name);
                return ApiResponse.json(200, ApiJson.proxy(proxies.update(name, proxyRequest(ApiJson.parseObject(body)))).toString());
            case "DELETE":
                proxies.delete(name);
                leases.release(name);
                return ApiResponse.noContent();
            default:
                return notAllowed();
        }
    }

    private ApiResponse toxics(String method, String proxyName, byte[] body) {
        FaultProxy proxy = proxies.get(proxyName);
        switch (method) {
            case "GET":
                return ApiResponse.json(200, ApiJson.toxics(proxy).toString());
            case "POST":
                return ApiResponse.json(200, ApiJson.toxic(proxy.toxics().add(newToxic(ApiJson.parseObject(body)))).toString());
            default:
                return notAllowed();
        }
    }

    private ApiResponse toxic(String method, String proxyName, String toxicName, byte[] body) {
        ToxicCollection toxics = proxies.get(proxyName).toxics();
        switch (method) {
            case "GET":
                return ApiResponse.json(200, ApiJson.toxic(toxics.get(toxicName)).toString());
            case "POST":
            case "PATCH":
                toxics.get(toxicName);
                JsonNode update = ApiJson.parseObject(body);
                ToxicSpec updated = toxics.update(toxicName, ApiJson.attributes(update), ApiJson.toxicity(update));
                return ApiResponse.json(200, ApiJson.toxic(updated).toString());
            case "DELETE":
                toxics.remove(toxicName);
                return ApiResponse.noContent();
            default:
                return notAllowed();
        }
    }

    /** The lease extension (see {@link ProxyLeases}): POST takes or renews, GET shows, DELETE gives it up. */
    private ApiResponse lease(String method, String proxyName, byte[] body) {
        switch (method) {
            case "GET":
                return ApiResponse.json(200, ApiJson.lease(leases.get(proxyName)).toString());
            case "POST":
                return ApiResponse.json(200, ApiJson.lease(leases.renew(proxyName, ApiJson.ttlMs(ApiJson.parseObject(body)))).toString());
            case "DELETE":
                proxies.get(proxyName);
                leases.release(proxyName);
                return ApiResponse.noContent();
            default:
                return notAllowed();
        }
    }

    private ApiResponse reset() {
        proxies.reset();
        return ApiResponse.noContent();
    }

    private ApiResponse populate(byte[] body) {
        JsonNode array = ApiJson.parse(body);
        if (!array.isArray()) {
            throw ApiException.badRequest("bad request body: expected a JSON array of proxies");
        }
        List<ProxyCollection.ProxyRequest> requests = new ArrayList<>();
        array.forEach(node -> requests.add(proxyRequest(node)));
        List<FaultProxy> done = new ArrayList<>();
        try {
            proxies.populate(requests, done);
            return ApiResponse.json(201, "{\"proxies\":" + proxyArray(done) + "}");
        } catch (ApiException e) {
            ObjectNode error = ApiJson.error(e);
            error.set("proxies", proxyArray(done));
            return ApiResponse.json(e.status(), error.toString());
        }
    }

    private static ArrayNode proxyArray(List<FaultProxy> list) {
        ArrayNode array = ApiJson.MAPPER.createArrayNode();
        list.forEach(proxy -> array.add(ApiJson.proxy(proxy)));
        return array;
    }

    private static ProxyCollection.ProxyRequest proxyRequest(JsonNode node) {
        if (!node.isObject()) {
            throw ApiException.badRequest("bad request body: expected a JSON object");
        }
        return new ProxyCollection.ProxyRequest(ApiJson.text(node, "name"), ApiJson.text(node, "listen"),
                ApiJson.text(node, "upstream"), ApiJson.bool(node, "enabled"));
    }

    /** Toxiproxy's order of checks: stream, default name, type, then (in the collection) duplicate name. */
    private static ToxicSpec newToxic(JsonNode node) {
        String stream = ApiJson.text(node, "stream");
        stream = stream == null || stream.isEmpty() ? "downstream" : stream;
        Direction.parse(stream);
        String type = ApiJson.text(node, "type");
        String name = ApiJson.text(node, "name");
        name = name == null || name.isEmpty() ? type + "_" + stream : name;
        ToxicType toxicType = ToxicTypes.of(type == null ? "" : type);
        Map<String, Long> given = ApiJson.attributes(node);
        Map<String, Long> attributes = new LinkedHashMap<>();
        toxicType.attributes().forEach(key -> attributes.put(key, given.getOrDefault(key, 0L)));
        Float toxicity = ApiJson.toxicity(node);
        return new ToxicSpec(name, type, stream, toxicity == null ? 1.0f : toxicity, attributes);
    }

    private static boolean only(String method, String allowed) {
        return method.equals(allowed);
    }

    private static ApiResponse notAllowed() {
        return ApiResponse.empty(405);
    }

    private static ApiResponse notFound() {
        return ApiResponse.text(404, "404 page not found");
    }
}
