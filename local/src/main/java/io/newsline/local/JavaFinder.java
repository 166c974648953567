package io.newsline.local;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a Java of at least a given feature version on this machine: {@value #JAVA_HOME_ENV} if set (then it must
 * be suitable), the running Java, {@code JAVA_HOME}, then the usual install locations, where the lowest
 * suitable version wins. The version comes from each JDK's {@code release} file; nothing is run to find out.
 *
 * <p>A trimmed copy of the testkit's {@code JavaRuntimes} (same variable), which cannot be used here: the testkit
 * brings JUnit and Testcontainers, which do not belong in the application jar.
 */
public final class JavaFinder {
    public static final String JAVA_HOME_ENV = "NEWSLINE_REGISTRY_JAVA_HOME";

    private static final Pattern VERSION = Pattern.compile("\"?(\\d+)(?:\\.(\\d+))?.*");

    /** A Java installation and its feature version. */
    public record Java(Path home, int featureVersion) {
        public Path executable() {
            Path java = home.resolve("bin").resolve("java");
            return Files.isExecutable(java) ? java : home.resolve("bin").resolve("java.exe");
        }
    }

    private JavaFinder() {}

    /** The Java running this code. */
    public static Java current() {
        return new Java(
                Path.of(System.getProperty("java.home")), Runtime.version().feature());
    }

    /**
     * A Java of at least {@code minimum} for {@code program}.
     *
     * @throws IllegalStateException saying what to install or set when there is none
     */
    public static Java atLeast(int minimum, String program) {
        return find(
                minimum, program, System.getenv(), current(), searchRoots(Path.of(System.getProperty("user.home"))));
    }

    static Java find(int minimum, String program, Map<String, String> env, Java current, List<Path> roots) {
        String explicit = env.get(JAVA_HOME_ENV);
        if (explicit != null && !explicit.isBlank()) {
            return suitable(Path.of(explicit.trim()), minimum)
                    .orElseThrow(() -> new IllegalStateException(program + " needs Java " + minimum + " or newer, and "
                            + JAVA_HOME_ENV + "=" + explicit + " is not one."));
        }
        if (current.featureVersion() >= minimum) {
            return current;
        }
        String javaHome = env.get("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            Optional<Java> fromJavaHome = suitable(Path.of(javaHome.trim()), minimum);
            if (fromJavaHome.isPresent()) {
                return fromJavaHome.get();
            }
        }
        return roots.stream()
                .flatMap(root -> children(root).stream())
                .flatMap(dir -> List.of(dir, dir.resolve("Contents/Home")).stream())
                .map(home -> suitable(home, minimum))
                .flatMap(Optional::stream)
                .min(Comparator.comparingInt(Java::featureVersion))
                .orElseThrow(() -> new IllegalStateException(program + " needs Java " + minimum
                        + " or newer, and this machine has none (running Java " + current.featureVersion()
                        + "; looked at JAVA_HOME and " + roots + "). Install one, e.g. `sudo apt-get install"
                        + " openjdk-" + minimum + "-jre-headless` or Eclipse Temurin " + minimum
                        + " from https://adoptium.net, and point " + JAVA_HOME_ENV + " at it if it is not found by"
                        + " itself."));
    }

    /** The feature version in {@code home/release}, if it is there. */
    public static OptionalInt featureVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return OptionalInt.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(release, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            return OptionalInt.empty();
        }
        Matcher matcher =
                VERSION.matcher(properties.getProperty("JAVA_VERSION", "").trim());
        if (!matcher.matches()) {
            return OptionalInt.empty();
        }
        int first = Integer.parseInt(matcher.group(1));
        return OptionalInt.of(first == 1 && matcher.group(2) != null ? Integer.parseInt(matcher.group(2)) : first);
    }

    static List<Path> searchRoots(Path userHome) {
        return List.of(
                Path.of("/usr/lib/jvm"),
                Path.of("/usr/lib64/jvm"),
                Path.of("/usr/java"),
                Path.of("/opt/java"),
                Path.of("/Library/Java/JavaVirtualMachines"),
                userHome.resolve(".sdkman/candidates/java"),
                userHome.resolve(".jdks"),
                userHome.resolve(".asdf/installs/java"));
    }

    private static Optional<Java> suitable(Path home, int minimum) {
        OptionalInt version = featureVersion(home);
        if (version.isEmpty() || version.getAsInt() < minimum) {
            return Optional.empty();
        }
        Java java = new Java(home, version.getAsInt());
        return Files.isExecutable(java.executable()) ? Optional.of(java) : Optional.empty();
    }

    private static List<Path> children(Path root) {
        List<Path> children = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(root, Files::isDirectory)) {
                stream.forEach(children::add);
            } catch (IOException e) {
                // Unreadable: nothing usable in it.
            }
        }
        children.sort(Comparator.naturalOrder());
        return children;
    }
}
