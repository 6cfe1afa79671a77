package dev.faultline.plan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import java.io.IOException;
import java.util.List;

/**
 * Reads YAML into a {@link LocatedTree} by walking the parser's tokens, so that every key and value keeps its line and
 * column. Syntax errors, duplicate keys, empty text and more than one document are problems.
 */
final class YamlTreeReader {
    /**
     * Duplicate keys are found by {@link #object} at the second key's own line and column; the parser's
     * STRICT_DUPLICATE_DETECTION (on in {@link PlanMapper}) would point past the key, so it stays off here.
     */
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final LocatedTree tree;
    private String path = "";
    private Problem duplicate;

    private YamlTreeReader(String file) {
        this.tree = new LocatedTree(file);
    }

    /** The tree of {@code text}; {@code file} names it in problems. An empty text is a problem. */
    static LocatedTree read(String text, String file) throws PlanException {
        LocatedTree tree = readAny(text, file);
        if (tree.root() == null) {
            throw new PlanException(file, List.of(new Problem(file, 1, 1, "", "the plan is empty",
                    "a plan is a YAML map with at least 'name', 'target' and 'load'")));
        }
        return tree;
    }

    /** The tree of {@code text}, whose root is null when the text holds no document. */
    static LocatedTree readAny(String text, String file) throws PlanException {
        YamlTreeReader reader = new YamlTreeReader(file);
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first != null) {
                reader.tree.root(reader.value(p, ""));
                if (p.nextToken() != null) {
                    throw new PlanException(file, List.of(reader.problem(p.currentTokenLocation(),
                            "more than one YAML document", "a plan is one document; remove the second '---'")));
                }
            }
        } catch (StreamReadException e) {
            if (e.getCause() instanceof MarkedYAMLException yaml) {
                throw new PlanException(file, List.of(reader.yamlProblem(yaml)));
            }
            throw new PlanException(file, List.of(reader.syntaxProblem(e)));
        } catch (IOException e) {
            throw new PlanException(file, List.of(new Problem(file, 0, 0, "", "cannot read: " + e.getMessage(), null)));
        }
        return reader.tree;
    }

    private Problem yamlProblem(MarkedYAMLException e) {
        var mark = e.getProblemMark();
        String context = e.getContext() == null ? null : e.getContext().strip();
        var start = e.getContextMark();
        if (context != null && start != null) {
            context += " that starts at line " + (start.getLine() + 1) + ", column " + (start.getColumn() + 1);
        }
        return new Problem(tree.file(), mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1,
                path, "YAML syntax error: " + e.getProblem(), context);
    }

    private JsonNode value(JsonParser p, String at) throws IOException {
        path = at;
        tree.markValue(at, mark(p.currentTokenLocation()));
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT:
                return object(p, at);
            case START_ARRAY:
                ArrayNode array = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(p, Paths.index(at, array.size())));
                    path = at;
                }
                path = at;
                return array;
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return NODES.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                return NODES.textNode(p.getText());
        }
    }

    private ObjectNode object(JsonParser p, String at) throws IOException {
        ObjectNode object = NODES.objectNode();
        while (true) {
            path = at;
            JsonToken token = p.nextToken();
            if (token == JsonToken.END_OBJECT) {
                break;
            }
            String key = p.currentName();
            String child = Paths.key(at, key);
            if (object.has(key)) {
                duplicate = duplicateKey(key, p.currentTokenLocation());
                throw new com.fasterxml.jackson.core.JsonParseException(p, "Duplicate field '" + key + "'");
            }
            tree.markKey(child, mark(p.currentTokenLocation()));
            p.nextToken();
            object.set(key, value(p, child));
        }
        path = at;
        return object;
    }

    private Problem syntaxProblem(StreamReadException e) {
        if (duplicate != null) {
            return duplicate;
        }
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Duplicate field '") && message.indexOf('\'', 17) > 0) {
            return duplicateKey(message.substring(17, message.indexOf('\'', 17)), e.getLocation());
        }
        return problem(e.getLocation(), "YAML syntax error: " + message, null);
    }

    private Problem duplicateKey(String key, JsonLocation location) {
        LocatedTree.Mark first = tree.keyMark(Paths.key(path, key));
        return problem(location, "duplicate key '" + key + "'",
                "it is first given at line " + first.line() + ", column " + first.column() + "; give each key once");
    }

    private Problem problem(JsonLocation location, String message, String hint) {
        LocatedTree.Mark m = mark(location);
        return new Problem(tree.file(), m.line(), m.column(), path, message, hint);
    }

    private static LocatedTree.Mark mark(JsonLocation location) {
        return location == null ? LocatedTree.Mark.at(0, 0)
                : LocatedTree.Mark.at(Math.max(location.getLineNr(), 0), Math.max(location.getColumnNr(), 0));
    }
}
