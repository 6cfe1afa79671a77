package dev.faultline.cluster.launch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which component to start and its config record, as one JSON document: {@code {"kind": "store", "config": {...}}}.
 * The config is written and read by Jackson from the record's components, so a field added to a config record
 * travels to a component process without any change here.
 *
 * @param kind   the component's kind
 * @param config a record of {@code kind.configType()}
 */
public record ComponentDescription(ComponentKind kind, Record config) {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(SocketAddressJson.module())
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public ComponentDescription {
        if (kind == null) {
            throw new IllegalArgumentException("a component description needs a 'kind'");
        }
        if (!kind.configType().isInstance(config)) {
            throw new IllegalArgumentException("a " + kind.key() + " component needs a 'config' of type "
                    + kind.configType().getSimpleName() + ", not " + (config == null ? "null" : config.getClass().getSimpleName()));
        }
    }

    /** The component's name, from its config. */
    public String name() {
        return JSON.valueToTree(config).path("name").asText();
    }

    /** The address the component listens on, from its config. */
    public String host() {
        return JSON.valueToTree(config).path("host").asText();
    }

    /** The port in the config (0: any free port). */
    public int port() {
        return JSON.valueToTree(config).path("port").asInt();
    }

    /** A copy whose config listens on {@code port}, e.g. the port a first start picked, so a restart reuses it. */
    public ComponentDescription withPort(int port) {
        ObjectNode tree = JSON.valueToTree(config);
        tree.put("port", port);
        return new ComponentDescription(kind, convert(kind, tree));
    }

    /** Starts the component in this JVM; returns once it listens. */
    public StartedComponent start() {
        return kind.start(config);
    }

    /** The description as JSON. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("kind", kind.key());
        root.set("config", JSON.valueToTree(config));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the description of " + name() + " as JSON", e);
        }
    }

    /** Reads a description from JSON; a bad one is an IllegalArgumentException saying what is wrong. */
    public static ComponentDescription fromJson(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a component description must be JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.path("kind").isTextual() || !root.path("config").isObject()) {
            throw new IllegalArgumentException("a component description needs a text 'kind' and an object 'config'");
        }
        ComponentKind kind = ComponentKind.of(root.get("kind").asText());
        return new ComponentDescription(kind, convert(kind, root.get("config")));
    }

    /** Writes the description to {@code file}. */
    public void write(Path file) throws IOException {
        Files.writeString(file, toJson());
    }

    /** Reads a description from {@code file}. */
    public static ComponentDescription read(Path file) throws IOException {
        return fromJson(Files.readString(file));
    }

    private static Record convert(ComponentKind kind, JsonNode config) {
        try {
            return JSON.treeToValue(config, kind.configType());
        } catch (JsonProcessingException e) {
            String message = e.getCause() instanceof IllegalArgumentException bad ? bad.getMessage() : e.getOriginalMessage();
            throw new IllegalArgumentException("bad " + kind.key() + " config: " + message, e);
        }
    }
}
