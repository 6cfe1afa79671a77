package dev.faultline.plan;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a plan from YAML into the immutable {@link Plan} records, strictly, and validates it. Every problem found is
 * reported with its file, line, column and key path in one {@link PlanException}.
 *
 * <p>Binding goes part by part (each fault, each check, ...) so that a mistake in one part does not hide the mistakes
 * in the others; cross-part checks run once every part has bound.
 */
public final class PlanParser {
    private static final ObjectMapper MAPPER = PlanMapper.create();

    public Plan parse(Path file) throws PlanException {
        return parse(file, List.of());
    }

    /** Parses {@code file} after applying {@code overrides}, each {@code dotted.path=value} (a YAML scalar). */
    public Plan parse(Path file, List<String> overrides) throws PlanException {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw single(name, "no such file", "looked for " + file.toAbsolutePath());
        } catch (CharacterCodingException e) {
            throw single(name, "the file is not UTF-8 text", null);
        } catch (IOException e) {
            throw single(name, "cannot read the file: " + e.getMessage(), null);
        }
        return parse(text, name, overrides);
    }

    /** Parses YAML text; {@code sourceName} names it in problems. */
    public Plan parse(String yamlText, String sourceName, List<String> overrides) throws PlanException {
        LocatedTree tree = YamlTreeReader.read(yamlText, sourceName);
        List<Problem> problems = Overrides.apply(tree, overrides);
        if (problems.isEmpty()) {
            problems = bindParts(tree);
        }
        if (!problems.isEmpty()) {
            throw inPlanOrder(sourceName, problems);
        }
        Plan plan;
        try {
            plan = MAPPER.readerFor(Plan.class).readValue(tree.root());
        } catch (JsonMappingException e) {
            throw new PlanException(sourceName, List.of(BindingErrors.translate(e, "", tree)));
        } catch (IOException e) {
            throw single(sourceName, "cannot read the plan: " + e.getMessage(), null);
        }
        problems = PlanValidator.validate(plan, tree);
        if (!problems.isEmpty()) {
            throw inPlanOrder(sourceName, problems);
        }
        return plan;
    }

    /** Binds each top-level part, and each entry of a top-level list, on its own, collecting one problem per part. */
    private static List<Problem> bindParts(LocatedTree tree) {
        List<Problem> problems = new ArrayList<>();
        JsonNode root = tree.root();
        if (!root.isObject()) {
            problems.add(tree.problem("", "a plan is a map of keys (" + String.join(", ", YamlNames.keys(Plan.class))
                    + "), not " + Describe.node(root), null));
            return problems;
        }
        problems.addAll(TreeChecks.find(tree));
        List<String> spoilt = problems.stream().map(Problem::path).toList();
        for (RecordComponent c : Plan.class.getRecordComponents()) {
            String key = YamlNames.key(c);
            JsonNode part = root.get(key);
            if (part == null || part.isNull()) {
                continue;
            }
            if (c.getType() == List.class && part.isArray()) {
                JavaType element = MAPPER.getTypeFactory().constructType(
                        ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0]);
                for (int i = 0; i < part.size(); i++) {
                    if (!spoilt(spoilt, Paths.index(key, i))) {
                        bind(part.get(i), element, Paths.index(key, i), tree, problems);
                    }
                }
            } else if (!spoilt(spoilt, key)) {
                bind(part, MAPPER.getTypeFactory().constructType(c.getGenericType()), key, tree, problems);
            }
        }
        return problems;
    }

    /** Whether an unknown key was found in {@code part}: binding it would only add a misleading second problem. */
    private static boolean spoilt(List<String> spoilt, String part) {
        return spoilt.stream().anyMatch(p -> p.equals(part) || p.startsWith(part + ".") || p.startsWith(part + "["));
    }

    private static void bind(JsonNode node, JavaType type, String at, LocatedTree tree, List<Problem> problems) {
        try {
            MAPPER.readerFor(type).readValue(node);
        } catch (JsonMappingException e) {
            problems.add(BindingErrors.translate(e, at, tree));
        } catch (IOException e) {
            problems.add(tree.problem(at, "cannot read: " + e.getMessage(), null));
        }
    }

    /** The problems sorted by line and column (those of overrides, which have none, first). */
    private static PlanException inPlanOrder(String file, List<Problem> problems) {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        return new PlanException(file, sorted);
    }

    private static PlanException single(String file, String message, String hint) {
        return new PlanException(file, List.of(new Problem(file, 0, 0, "", message, hint)));
    }
}
