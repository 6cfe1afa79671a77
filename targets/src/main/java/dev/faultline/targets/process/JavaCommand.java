package dev.faultline.targets.process;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command line that runs a main class in a new JVM with the same java binary and classpath as this one, so it
 * works from {@code java -jar faultline.jar} and from Maven's test JVMs alike.
 */
final class JavaCommand {
    /** Options for every component JVM: a bounded heap, and an exit rather than limping on after running out. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError");
    /** System properties passed on to children when set here (log levels, Netty leak detection). */
    private static final List<String> INHERITED_PROPERTY_PREFIXES = List.of("org.slf4j.simpleLogger.", "io.netty.leakDetection.");

    private JavaCommand() {
    }

    static List<String> of(String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(JVM_OPTIONS);
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> INHERITED_PROPERTY_PREFIXES.stream().anyMatch(name::startsWith))
                .sorted()
                .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
        command.add("-cp");
        command.add(absoluteClassPath(System.getProperty("java.class.path")));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** Children run in their own directories, so a relative entry (as in {@code java -jar x.jar}) is made absolute. */
    static String absoluteClassPath(String classPath) {
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
